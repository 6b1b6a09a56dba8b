package dev.opensessions.application.port.out;

import dev.opensessions.application.testkit.Await;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link LocalSystem} must do; extended by the fake's test and by the real adapter's test. */
public abstract class LocalSystemContract {

    /** A machine with no program installed and no project folder yet. */
    protected abstract Stage stage();

    /** The system under test, and the machine it looks at. */
    protected interface Stage {

        LocalSystem system();

        /** Puts a program on the PATH. */
        void install(String program);

        /** Creates a project folder under the project roots; its path as the system lists it. */
        String project(String name);

        /** The last URL the browser was asked to open. */
        Optional<String> lastOpened();
    }

    @Test
    void aProgramIsAvailableOnceItIsOnThePath() {
        Stage stage = stage();
        assertThat(stage.system().available("tool")).isFalse();

        stage.install("tool");

        assertThat(stage.system().available("tool")).isTrue();
        assertThat(stage.system().available("missing")).isFalse();
    }

    @Test
    void projectFoldersAreListedSortedUpToTheLimit() {
        Stage stage = stage();
        String api = stage.project("api");
        String billing = stage.project("billing");
        stage.project("web");

        assertThat(stage.system().projectDirectories(2)).isEqualTo(List.of(api, billing));
    }

    @Test
    void aLocalUrlGoesToTheBrowser() {
        Stage stage = stage();
        stage.install("xdg-open");
        stage.install("open");

        stage.system().openUrl("http://localhost:3000");

        Await.until(() -> stage.lastOpened().equals(Optional.of("http://localhost:3000")), Duration.ofSeconds(20),
                "the URL handed to the opener");
    }
}
