package dev.opensessions.adapters.agents.watch;

import dev.opensessions.application.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

import static dev.opensessions.adapters.agents.watch.Transcripts.append;
import static org.assertj.core.api.Assertions.assertThat;

class FileWatchTest {

    private static final Duration SLOW_RESCAN = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    private final List<Path> reported = new CopyOnWriteArrayList<>();
    /** A hub of the test's own: the process-wide one is shared with every other test's watches. */
    private final WatchHub hub = new WatchHub("test-watch");
    private FileWatch watch;
    private FileWatch other;

    @AfterEach
    void close() {
        if (watch != null) {
            watch.close();
        }
        if (other != null) {
            other.close();
        }
    }

    private FileWatch start(Path root, int maxDepth) {
        watch = new FileWatch("test", root, maxDepth, reported::add, SLOW_RESCAN, hub);
        watch.start();
        return watch;
    }

    private void awaitReported(Path file, String what) {
        Await.until(() -> reported.contains(file), Duration.ofSeconds(5), what);
    }

    @Test
    void reportsFilesAlreadyThereThenAppends() throws IOException {
        Path file = dir.resolve("p/a.jsonl");
        Files.createDirectories(file.getParent());
        append(file, "{}");
        start(dir, 2);
        awaitReported(file, "initial scan");
        reported.clear();

        append(file, "{\"more\":true}");

        awaitReported(file, "append event");
    }

    @Test
    void watchesSubfoldersCreatedAfterTheStart() throws IOException {
        start(dir, Integer.MAX_VALUE);
        Path file = dir.resolve("2025/11/20/rollout-x.jsonl");
        Files.createDirectories(file.getParent());
        append(file, "{}");
        awaitReported(file, "file in new nested folders");
        reported.clear();

        append(file, "{}");

        awaitReported(file, "append in a new folder");
    }

    @Test
    void waitsForAMissingRootAndItsParents() throws IOException {
        Path root = dir.resolve("home/.claude/projects");
        start(root, 2);
        Path file = root.resolve("-srv-shop/s.jsonl");
        Files.createDirectories(file.getParent());
        append(file, "{}");

        awaitReported(file, "file under a root created after the start");
    }

    @Test
    void reportsDeletedFilesAndIgnoresFilesTooDeep() throws IOException {
        Path file = dir.resolve("p/a.jsonl");
        Path deep = dir.resolve("p/subagents/agent-1.jsonl");
        Files.createDirectories(deep.getParent());
        append(file, "{}");
        start(dir, 2);
        awaitReported(file, "initial scan");
        reported.clear();
        append(deep, "{}");
        Files.delete(file);

        awaitReported(file, "deletion");
        assertThat(reported).doesNotContain(deep);
    }

    @Test
    void fiftyIdleFilesCostNoCpu() throws IOException {
        for (int i = 0; i < 50; i++) {
            Path file = dir.resolve("p" + (i % 5) + "/t" + i + ".jsonl");
            Files.createDirectories(file.getParent());
            append(file, "{\"i\":" + i + "}");
        }
        start(dir, 2);
        Await.until(() -> reported.size() >= 50, Duration.ofSeconds(5), "initial scan of 50 files");
        Thread thread = watch.thread();
        Set<Thread.State> blocked = Set.of(Thread.State.WAITING, Thread.State.TIMED_WAITING);
        Await.until(() -> blocked.contains(thread.getState()), Duration.ofSeconds(5), "watch thread parked");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = threads.getThreadCpuTime(thread.threadId());
        int seen = reported.size();
        long windowEnd = System.nanoTime() + Duration.ofMillis(500).toNanos();
        Await.until(() -> System.nanoTime() > windowEnd, Duration.ofSeconds(2), "idle window");

        long used = threads.getThreadCpuTime(thread.threadId()) - before;
        assertThat(used).isLessThan(Duration.ofMillis(20).toNanos());
        assertThat(thread.getState()).isIn(blocked);
        assertThat(reported).hasSize(seen);
    }

    @Test
    void aRescanRegistersNoFolderTwiceButWatchesOneThatWasReplaced() throws IOException {
        for (int i = 0; i < 5; i++) {
            Files.createDirectories(dir.resolve("p" + i));
            append(dir.resolve("p" + i + "/t.jsonl"), "{}");
        }
        watch = new FileWatch("test", dir, 2, reported::add, Duration.ofMillis(50), hub);
        watch.start();
        Await.until(() -> watch.rescans() >= 1, Duration.ofSeconds(5), "a first rescan");
        int registered = watch.registrations();
        int rescans = watch.rescans();
        Await.until(() -> watch.rescans() >= rescans + 3, Duration.ofSeconds(5), "three more rescans");

        assertThat(registered).isEqualTo(6);
        assertThat(watch.registrations()).as("rescans of unchanged folders").isEqualTo(registered);

        Path replaced = dir.resolve("p0/t.jsonl");
        Files.delete(replaced);
        Files.delete(replaced.getParent());
        reported.clear();
        Files.createDirectories(replaced.getParent());
        append(replaced, "{\"again\":true}");
        awaitReported(replaced, "a file in a folder deleted and made again");
    }

    @Test
    void closingTheLastWatchEndsTheThread() throws IOException {
        Files.createDirectories(dir.resolve("p"));
        start(dir, 2);
        Thread thread = watch.thread();
        Await.until(thread::isAlive, Duration.ofSeconds(5), "thread alive");

        watch.close();

        assertThat(thread.isAlive()).isFalse();
    }

    @Test
    void everyFileIsReportedOnceAtStartEvenWithManyFolders() throws IOException {
        Set<Path> expected = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 20; i++) {
            Path file = dir.resolve("f" + i + "/t.jsonl");
            Files.createDirectories(file.getParent());
            append(file, "{}");
            expected.add(file);
        }
        start(dir, 2);

        Await.until(() -> reported.containsAll(expected), Duration.ofSeconds(5), "all files reported");
    }

    @Test
    void watchesShareOneThreadAndAFolderWatchedByTwoReportsToBoth() throws IOException {
        Path file = dir.resolve("shared/a.jsonl");
        List<Path> seenByOther = twoWatchesOf(file.getParent());
        Thread thread = watch.thread();

        append(file, "{}");

        awaitReported(file, "the first watch");
        Await.until(() -> seenByOther.contains(file), Duration.ofSeconds(5), "the second watch of the same folder");
        assertThat(other.thread()).isSameAs(thread);
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("test-watch")))
                .as("threads of the hub").hasSize(1);
    }

    @Test
    void closingOneWatchOfASharedFolderKeepsTheOtherWatching() throws IOException {
        Path file = dir.resolve("shared/a.jsonl");
        List<Path> seenByOther = twoWatchesOf(file.getParent());
        append(file, "{}");
        Await.until(() -> seenByOther.contains(file), Duration.ofSeconds(5), "the second watch at the start");
        awaitReported(file, "the first watch at the start");
        Thread thread = watch.thread();

        other.close();
        reported.clear();
        seenByOther.clear();
        append(file, "{\"more\":true}");

        awaitReported(file, "the watch left open");
        assertThat(seenByOther).as("reported to the closed watch").isEmpty();
        assertThat(thread.isAlive()).isTrue();
    }

    /** Starts the test's watch and a second one ({@code other}) of the same folder; what the second reports. */
    private List<Path> twoWatchesOf(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> seenByOther = new CopyOnWriteArrayList<>();
        start(folder, 1);
        other = new FileWatch("other", folder, 1, seenByOther::add, SLOW_RESCAN, hub);
        other.start();
        return seenByOther;
    }
}
