package dev.opensessions.application.port.out;

import dev.opensessions.application.testkit.Await;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.Topology;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link SessionSource} must do; extended by the fake's test and by the real adapter's test. */
public abstract class SessionSourceContract {

    /** Generous: the real source is a tmux server on a machine that may be busy. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** A source over a multiplexer with one session, {@code alpha}; not yet opened. */
    protected abstract Stage stage();

    /** The source under test, and the multiplexer it reads as a user would change it. */
    protected interface Stage extends AutoCloseable {

        SessionSource source();

        /** Creates a session from outside, as a user or a script would. */
        void createSession(String name);

        @Override
        void close();
    }

    @Test
    void openingPushesTheCurrentTopology() {
        try (Stage stage = stage()) {
            List<Topology> pushed = new CopyOnWriteArrayList<>();

            stage.source().open(pushed::add);

            Await.until(() -> names(pushed).contains(SessionName.of("alpha")), WAIT, "first topology with alpha");
        }
    }

    @Test
    void aNewSessionIsPushedWithoutBeingAsked() {
        try (Stage stage = stage()) {
            List<Topology> pushed = opened(stage);

            stage.createSession("beta");

            Await.until(() -> names(pushed).contains(SessionName.of("beta")), WAIT, "topology with beta");
            assertThat(names(pushed)).contains(SessionName.of("alpha"));
        }
    }

    @Test
    void refreshKeepsTheLatestTopologyWhole() {
        try (Stage stage = stage()) {
            List<Topology> pushed = opened(stage);

            stage.source().refresh();

            Await.until(() -> names(pushed).contains(SessionName.of("alpha")), WAIT, "alpha after the refresh");
        }
    }

    /** Opens the source and waits for its first push; every push lands in the list returned. */
    private static List<Topology> opened(Stage stage) {
        List<Topology> pushed = new CopyOnWriteArrayList<>();
        stage.source().open(pushed::add);
        Await.until(() -> !pushed.isEmpty(), WAIT, "first topology");
        return pushed;
    }

    /** The sessions of the newest topology pushed. */
    private static List<SessionName> names(List<Topology> pushed) {
        return pushed.isEmpty() ? List.of() : pushed.getLast().sessions().stream().map(Session::name).toList();
    }
}
