package dev.opensessions.adapters.tmux.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opensessions.application.testkit.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitProcessesTest {

    @TempDir
    Path temp;

    @Test
    void runsRealGitAndCountsEveryProcess() {
        GitProcesses git = new GitProcesses();

        Optional<GitRun> outside = git.run(temp, "rev-parse", "--git-dir");
        Optional<GitRun> version = git.run(temp, "version");

        assertThat(outside).map(GitRun::exitCode).contains(128);
        assertThat(version).map(GitRun::line).hasValueSatisfying(line -> assertThat(line).startsWith("git version "));
        assertThat(git.started()).isEqualTo(2);
        assertThat(git.peakRunning()).isEqualTo(1);
    }

    @Test
    void passesTheEnvironmentThatKeepsGitFromLockingAndTranslating() throws IOException {
        Path fakeGit = script("env.sh", "#!/bin/sh\necho \"$GIT_OPTIONAL_LOCKS $LC_ALL ${GIT_DIR:-unset} $1 $2\"\n");
        GitProcesses git = new GitProcesses(fakeGit.toString(), Duration.ofSeconds(30));

        Optional<GitRun> run = git.run(temp.resolve("a dir"), "status");

        assertThat(run).map(GitRun::line).contains("0 C unset -C " + temp.resolve("a dir"));
    }

    @Test
    void nonZeroExitIsAnAnswerNotAFailure() throws IOException {
        Path fakeGit = script("fail.sh", "#!/bin/sh\necho partial\nexit 1\n");

        Optional<GitRun> run = new GitProcesses(fakeGit.toString(), Duration.ofSeconds(30)).run(temp, "x");

        assertThat(run).contains(new GitRun(1, "partial\n"));
    }

    @Test
    void hungGitIsKilledAtTheTimeoutAndGivesNoAnswer() throws IOException {
        Path pidFile = temp.resolve("pid");
        Path fakeGit = script("hang.sh", "#!/bin/sh\necho $$ > '" + pidFile + "'\nexec sleep 30\n");
        GitProcesses git = new GitProcesses(fakeGit.toString(), Duration.ofMillis(300));

        long start = System.nanoTime();
        Optional<GitRun> run = git.run(temp, "status");

        assertThat(run).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        Await.until(() -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == false,
                Duration.ofSeconds(20), "hung git killed");
    }

    private Path script(String name, String body) throws IOException {
        Path script = temp.resolve(name);
        Files.writeString(script, body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
