package dev.opensessions.server.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code opensessions doctor} on broken machines: no tmux, an old JDK, no JDK at all, a port taken by
 * another program, loose file modes; each gives its diagnosis, the other checks still run, and exit 1.
 */
class DoctorTest {

    /** What the launcher needs besides tmux and java; a tool this machine lacks is simply left out. */
    private static final List<String> TOOLS = List.of("bash", "dirname", "id", "curl", "head", "sort", "find",
            "grep", "stat", "ss", "lsof", "tr", "cat");

    @TempDir
    Path home;

    @Test
    void withoutTmuxSaysToInstallItAndKeepsChecking() throws Exception {
        Cli cli = new Cli(Cli.CHECKOUT_LAUNCHER, home).with("PATH", toolbox(TOOLS).toString())
                .with("JAVA_HOME", System.getProperty("java.home"));

        Cli.Result doctor = cli.run("doctor");

        assertThat(doctor.exitCode()).as(doctor.all()).isEqualTo(1);
        assertThat(doctor.out())
                .contains("problem  tmux      tmux not found on PATH: install tmux 3.2 or newer")
                .contains("info     control   skipped: no tmux")
                .contains("ok       java      java ")
                .contains("ok       port      " + cli.port() + " is free")
                .contains("agent     kilo: ")
                .endsWith("doctor: 1 problem(s) found\n");
    }

    @Test
    void anOldJdkIsNamedWithWhereItWasFound() throws Exception {
        Path fakeJdk = home.resolve("jdk-17");
        fakeJava(fakeJdk.resolve("bin"));
        Path tools = toolbox(concat(TOOLS, "tmux"));
        fakeJava(tools);
        Cli cli = new Cli(Cli.CHECKOUT_LAUNCHER, home).with("PATH", tools.toString())
                .with("JAVA_HOME", fakeJdk.toString())
                .with("OPENSESSIONS_JDK_DIRS", Files.createDirectories(home.resolve("no-jdks")).toString());

        Cli.Result doctor = cli.run("doctor");

        assertThat(doctor.exitCode()).as(doctor.all()).isEqualTo(1);
        assertThat(doctor.out()).contains("problem  java      java 17 at " + fakeJdk.resolve("bin/java")
                        + ", java 17 at " + tools.resolve("java")
                        + " is too old: install JDK 21 or newer, or set JAVA_HOME to one")
                .contains("ok       tmux      tmux ")
                .endsWith("doctor: 1 problem(s) found\n");
    }

    @Test
    void noJdkAtAllSaysWhereItLooked() throws Exception {
        Path noJdks = Files.createDirectories(home.resolve("no-jdks"));
        Cli cli = new Cli(Cli.CHECKOUT_LAUNCHER, home).with("PATH", toolbox(TOOLS).toString())
                .with("JAVA_HOME", null).with("OPENSESSIONS_JDK_DIRS", noJdks.toString());

        Cli.Result doctor = cli.run("doctor");

        assertThat(doctor.exitCode()).as(doctor.all()).isEqualTo(1);
        assertThat(doctor.out())
                .contains("problem  java      no java found (looked in JAVA_HOME, PATH, " + noJdks
                        + "): install JDK 21 or newer, or set JAVA_HOME to one")
                .contains("agent     claude-code: ")
                .endsWith("doctor: 2 problem(s) found\n");
    }

    @Test
    void aPortHeldByAnotherProgramNamesItAndHowToMove() throws Exception {
        Cli cli = new Cli(Cli.CHECKOUT_LAUNCHER, home);
        try (ServerSocket taken = new ServerSocket(cli.port(), 50, InetAddress.getLoopbackAddress())) {
            Cli.Result doctor = cli.run("doctor");

            assertThat(doctor.exitCode()).as(doctor.all()).isEqualTo(1);
            assertThat(doctor.out()).contains("problem  port      " + taken.getLocalPort() + " is taken by ")
                    .contains("(pid " + ProcessHandle.current().pid() + ")")
                    .contains("give opensessions another port with OPENSESSIONS_PORT=<port>");
        }
    }

    @Test
    void aHealthyMachineExitsZeroAndListsTheAgentFoldersFound() throws Exception {
        Files.createDirectories(home.resolve(".codex/sessions"));
        Cli cli = new Cli(Cli.CHECKOUT_LAUNCHER, home).with("CLAUDE_CONFIG_DIR", home.resolve("elsewhere").toString());

        Cli.Result doctor = cli.run("doctor");

        assertThat(doctor.exitCode()).as(doctor.all()).isZero();
        assertThat(doctor.out())
                .contains("ok       agent     codex: " + home.resolve(".codex/sessions"))
                .contains("info     agent     claude-code: " + home.resolve("elsewhere/projects")
                        + " not found (not used here, or set CLAUDE_CONFIG_DIR)")
                .endsWith("doctor: no problem found\n");
    }

    @Test
    void looseModesOnTheRuntimeFolderAndTokenAreProblems() throws Exception {
        Path runtime = home.resolve("run").resolve("opensessions-" + Files.getAttribute(home, "unix:uid"));
        Files.createDirectories(runtime.resolve("default"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(runtime.resolve("default"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(runtime.resolve("default/token"), "0".repeat(64));
        Files.setPosixFilePermissions(runtime.resolve("default/token"), PosixFilePermissions.fromString("rw-r--r--"));

        Cli.Result doctor = new Cli(Cli.CHECKOUT_LAUNCHER, home).run("doctor");

        assertThat(doctor.exitCode()).as(doctor.all()).isEqualTo(1);
        assertThat(doctor.out())
                .contains("problem  runtime   " + runtime.resolve("default") + " has mode 755")
                .contains("chmod 700 '" + runtime.resolve("default") + "'")
                .contains("problem  token     " + runtime.resolve("default/token") + " has mode 644");
    }

    @Test
    void aKilledServerIsNamedWithTheFilesItLeftAndTheEndOfItsLog() throws Exception {
        Path runtime = home.resolve("run").resolve("opensessions-" + Files.getAttribute(home, "unix:uid")).resolve("default");
        Files.createDirectories(runtime);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(runtime.resolve("pid"), Long.toString(gone.pid()));
        Files.writeString(runtime.resolve("token"), "0".repeat(64));
        Files.writeString(runtime.resolve("sidebar-port"), "7392");
        Files.writeString(runtime.resolve("server.log"), "first line\nOutOfMemoryError: the last words\n");

        Cli.Result doctor = new Cli(Cli.CHECKOUT_LAUNCHER, home).run("doctor");

        assertThat(doctor.exitCode()).as(doctor.all()).isEqualTo(1);
        assertThat(doctor.out())
                .contains("problem  server    the server (pid " + gone.pid() + ") is dead: it stopped without cleaning up")
                .contains("info     stale     left behind: " + runtime.resolve("pid") + " " + runtime.resolve("token")
                        + " " + runtime.resolve("sidebar-port"))
                .contains("info     log       the last lines of " + runtime.resolve("server.log") + ":")
                .contains("         | OutOfMemoryError: the last words");
    }

    @Test
    void startWithoutAJdkNamesTheFoldersItSearched() throws Exception {
        Path first = Files.createDirectories(home.resolve("jdks-a"));
        Path second = Files.createDirectories(home.resolve("jdks-b"));
        Cli cli = new Cli(Cli.CHECKOUT_LAUNCHER, home).with("PATH", toolbox(TOOLS).toString())
                .with("JAVA_HOME", null).with("OPENSESSIONS_JDK_DIRS", first + ":" + second);

        Cli.Result start = cli.run("start");

        assertThat(start.exitCode()).isEqualTo(1);
        assertThat(start.all()).contains("no JDK 21 or newer found (tried JAVA_HOME, PATH and " + first + ", " + second
                + "); install one or set JAVA_HOME").doesNotContain("/usr/lib/jvm");
    }

    /** A folder of links to these tools, found on this machine's PATH, to serve as the whole PATH. */
    private Path toolbox(List<String> tools) throws IOException {
        Path box = Files.createDirectories(home.resolve("toolbox"));
        for (String tool : tools) {
            Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
                    .map(dir -> Path.of(dir, tool))
                    .filter(Files::isExecutable)
                    .findFirst()
                    .ifPresent(found -> link(box.resolve(tool), found));
        }
        return box;
    }

    private static void link(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
        } catch (IOException failure) {
            throw new AssertionError("cannot link " + target, failure);
        }
    }

    /** A java that says it is 17, as {@code java -version} does: on stderr, first line. */
    /**
     * A java 17 that, like a wrapper script on a busy machine, writes its second line a moment after the first:
     * the launcher must still read its version (a reader that stops after one line must not make it fail).
     */
    private static void fakeJava(Path bin) throws IOException {
        Files.createDirectories(bin);
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"17.0.2\" 2022-01-18' >&2\nsleep 0.2\n"
                + "echo 'OpenJDK Runtime Environment (build 17.0.2+8)' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static List<String> concat(List<String> tools, String more) {
        return Stream.concat(tools.stream(), Stream.of(more)).toList();
    }
}
