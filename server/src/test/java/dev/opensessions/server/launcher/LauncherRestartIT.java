package dev.opensessions.server.launcher;

import dev.opensessions.server.acceptance.Installation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The README promise end to end: {@code bin/opensessions start} runs the packaged server, the reference
 * README's curl examples work, and after {@code stop} and {@code start} their state is still there.
 */
class LauncherRestartIT {

    private static final Path PACKAGED = LauncherProcess.REPO.resolve("server/target/quarkus-app");
    private static final Path CACHE = PACKAGED.resolve("opensessions.aot");

    @TempDir
    Path home;
    private LauncherProcess launcher;

    @BeforeEach
    void prepare() throws Exception {
        launcher = new LauncherProcess(home);
    }

    @AfterEach
    void stopServer() throws Exception {
        launcher.run("stop");
    }

    @Test
    void readmeCurlExamplesWorkAndSurviveARestart() throws Exception {
        assertThat(launcher.run("start").exitCode()).as("start").isZero();
        assertThat(launcher.post("/set-status", "{\"session\":\"my-app\",\"text\":\"Deploying\",\"tone\":\"warn\"}"))
                .isEqualTo(204);
        assertThat(launcher.post("/set-progress",
                "{\"session\":\"my-app\",\"current\":3,\"total\":10,\"label\":\"services\"}")).isEqualTo(204);
        assertThat(launcher.post("/log",
                "{\"session\":\"my-app\",\"message\":\"Tests passed\",\"source\":\"ci\",\"tone\":\"success\"}"))
                .isEqualTo(204);
        assertStateShowsThePushes();

        LauncherProcess.Result stop = launcher.run("stop");
        assertThat(stop.exitCode()).as("stop: " + stop.output()).isZero();
        assertThat(launcher.run("status").exitCode()).as("status after stop").isEqualTo(3);
        assertThat(launcher.runtimeDir("default").resolve("pid")).as("pid file removed on exit").doesNotExist();

        assertThat(launcher.run("start").exitCode()).as("second start").isZero();
        assertStateShowsThePushes();
        if (Runtime.version().feature() >= 25) {
            assertTheSecondServerStartedFromTheAotCacheTheFirstOneLeft();
        }
    }

    /** On JDK 25 the launcher records an AOT cache of this build once, and servers start from it. */
    private void assertTheSecondServerStartedFromTheAotCacheTheFirstOneLeft() throws Exception {
        assertThat(CACHE).isNotEmptyFile();
        assertThat(Files.getLastModifiedTime(CACHE)).isGreaterThan(
                Files.getLastModifiedTime(PACKAGED.resolve("quarkus-run.jar")));
        String pid = Files.readString(launcher.runtimeDir("default").resolve("pid")).strip();
        String commandLine = Files.readString(Path.of("/proc", pid, "cmdline")).replace('\0', ' ');
        assertThat(commandLine).contains("-XX:AOTCache=" + CACHE);
        assertThat(CACHE.resolveSibling("opensessions.aot.stamp")).isNotEmptyFile();
    }

    /**
     * The JVM takes an AOT cache recorded from other jars without a word and runs their code, so the launcher
     * records again whenever a jar of the package changed, even one that is not newer than the cache.
     */
    @Test
    void aChangedJarOfThePackageMakesTheLauncherRecordTheCacheAgain() throws Exception {
        FileTime recorded = startedOnceFromTheCache();
        Path jar;
        try (Stream<Path> jars = Files.list(PACKAGED.resolve("lib/main"))) {
            jar = jars.filter(file -> file.toString().endsWith(".jar")).sorted().findFirst().orElseThrow();
        }
        FileTime original = Files.getLastModifiedTime(jar);
        try {
            // Older than the cache, so only the stamp tells that the package is not the one recorded.
            Files.setLastModifiedTime(jar, FileTime.fromMillis(original.toMillis() - 60_000));
            assertThat(launcher.run("start").exitCode()).as("start after the change").isZero();
            assertThat(Files.getLastModifiedTime(CACHE)).as("cache recorded again").isGreaterThan(recorded);
        } finally {
            Files.setLastModifiedTime(jar, original);
        }
    }

    /**
     * The same package reached by another path (an installation that links it, as every acceptance test's does)
     * keeps the cache: the JVM takes a package moved whole, and recording again costs seconds on every start.
     */
    @Test
    void thePackageReachedThroughALinkStartsFromTheCacheWithoutRecordingItAgain() throws Exception {
        FileTime recorded = startedOnceFromTheCache();

        Installation linked = Installation.of(home.resolve("installed"));
        assertThat(launcher.from(linked.launcher()).run("start").exitCode()).as("start from the link").isZero();

        assertThat(Files.getLastModifiedTime(CACHE)).as("the cache, not recorded again").isEqualTo(recorded);
        String pid = Files.readString(launcher.runtimeDir("default").resolve("pid")).strip();
        assertThat(Files.readString(Path.of("/proc", pid, "cmdline")).replace('\0', ' '))
                .contains("-XX:AOTCache=" + home.resolve("installed/server/target/quarkus-app/opensessions.aot"));
    }

    @Test
    void startIsIdempotentAndStatusAndUrlReportTheServer() throws Exception {
        String url = "http://127.0.0.1:" + launcher.port();

        assertThat(launcher.run("start").exitCode()).isZero();
        LauncherProcess.Result again = launcher.run("start");
        LauncherProcess.Result status = launcher.run("status");
        LauncherProcess.Result printed = launcher.run("url");

        assertThat(again.exitCode()).isZero();
        assertThat(again.output()).contains(url);
        assertThat(status.exitCode()).isZero();
        assertThat(printed.output().strip()).isEqualTo(url);
    }

    /** On JDK 25: starts and stops the server once (recording the cache if it is not current); the cache's time. */
    private FileTime startedOnceFromTheCache() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the AOT cache needs JDK 25");
        assertThat(launcher.run("start").exitCode()).as("start").isZero();
        assertThat(launcher.run("stop").exitCode()).as("stop").isZero();
        return Files.getLastModifiedTime(CACHE);
    }

    private void assertStateShowsThePushes() throws Exception {
        HttpResponse<String> state = launcher.get("/api/state");
        assertThat(state.statusCode()).isEqualTo(200);
        assertThat(state.body())
                .contains("\"my-app\"")
                .contains("\"text\":\"Deploying\"").contains("\"tone\":\"warn\"")
                .contains("\"label\":\"services\"").contains("\"percent\":30.0")
                .contains("\"message\":\"Tests passed\"").contains("\"source\":\"ci\"");
    }
}
