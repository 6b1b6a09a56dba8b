package dev.opensessions.adapters.tmux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opensessions.application.testkit.Await;
import dev.opensessions.domain.session.GitStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Git facts follow the working trees of visible sessions only, with real repositories and real git. */
class SessionFactsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    private final SessionFacts facts = SessionFacts.live(SessionFacts.PORT_INTERVAL);

    @AfterEach
    void close() {
        facts.close();
    }

    @Test
    void aHiddenSessionIsNotFollowedUntilItIsShownAgain() throws Exception {
        Path repo = repository(temp.resolve("alpha"));
        String dir = repo.toString();
        facts.follow(snapshot(new TmuxSession("$1", "alpha", Instant.EPOCH, dir, List.of(), List.of())));
        Await.until(() -> facts.git(dir) != null, DEADLINE, "alpha's first read");
        Files.writeString(repo.resolve("a.txt"), "seen\n", StandardOpenOption.APPEND);
        Await.until(() -> insertions(dir) == 1, DEADLINE, "an edit of a visible session followed");

        facts.hidden(Set.of("alpha"));
        Files.writeString(repo.resolve("a.txt"), "unseen\n", StandardOpenOption.APPEND);

        stayFor(Duration.ofSeconds(2), () -> insertions(dir) == 1, "a hidden session's edit not followed");

        facts.hidden(Set.of());

        Await.until(() -> insertions(dir) == 2, DEADLINE, "read again once shown");
        Files.writeString(repo.resolve("a.txt"), "followed again\n", StandardOpenOption.APPEND);
        Await.until(() -> insertions(dir) == 3, DEADLINE, "its edits followed again");
    }

    @Test
    void aHiddenSessionAClientShowsIsStillFollowed() throws Exception {
        Path repo = repository(temp.resolve("beta"));
        String dir = repo.toString();
        facts.hidden(Set.of("beta"));
        facts.follow(new TmuxSnapshot(List.of(new TmuxSession("$2", "beta", Instant.EPOCH, dir, List.of(), List.of())),
                List.of(), List.of(), List.of(new TmuxClient("/dev/pts/9", "$2", Instant.EPOCH, 160, 50))));
        Await.until(() -> facts.git(dir) != null, DEADLINE, "beta's first read");

        Files.writeString(repo.resolve("a.txt"), "edited\n", StandardOpenOption.APPEND);

        Await.until(() -> insertions(dir) == 1, DEADLINE, "the edit followed while a client is on beta");
    }

    private int insertions(String dir) {
        GitStatus status = facts.git(dir);
        return status == null ? -1 : status.insertions();
    }

    private static TmuxSnapshot snapshot(TmuxSession session) {
        return new TmuxSnapshot(List.of(session), List.of(), List.of(), List.of());
    }

    private static Path repository(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("a.txt"), "one\n");
        git(dir, "init", "-q", "-b", "main");
        git(dir, "add", "a.txt");
        git(dir, "-c", "user.name=test", "-c", "user.email=test@localhost", "commit", "-q", "-m", "one");
        return dir.toRealPath();
    }

    private static void git(Path dir, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
    }

    /** Checks {@code condition} holds throughout {@code period}: the one wait that must last its full time. */
    private static void stayFor(Duration period, java.util.function.BooleanSupplier condition, String what) {
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() - end < 0) {
            assertThat(condition.getAsBoolean()).as(what).isTrue();
            LockSupport.parkNanos(10_000_000);
        }
    }
}
