package dev.opensessions.application.port.out;

import dev.opensessions.application.port.out.Multiplexer.FocusOutcome;
import dev.opensessions.application.port.out.Multiplexer.KillOutcome;
import dev.opensessions.application.port.out.Multiplexer.PaneKillOutcome;
import dev.opensessions.application.port.out.Multiplexer.RenameOutcome;
import dev.opensessions.application.port.out.Multiplexer.SidebarFocusOutcome;
import dev.opensessions.application.port.out.Multiplexer.SwitchOutcome;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link Multiplexer} must do; extended by the fake's test and by the real adapter's test. */
public abstract class MultiplexerContract {

    protected static final SessionName ALPHA = SessionName.of("alpha");
    protected static final SessionName BETA = SessionName.of("beta");
    private static final String NO_CLIENT = "/dev/pts/99999";
    private static final PaneId NO_PANE = PaneId.of("%99999");

    /** A multiplexer with the sessions {@code alpha} and {@code beta}, one pane each, and a user client showing alpha. */
    protected abstract Stage stage();

    /** The multiplexer under test, and what a user would see of it. */
    protected interface Stage extends AutoCloseable {

        Multiplexer multiplexer();

        /** The terminal of the client that showed alpha at the start. */
        String client();

        /** The session a client shows; empty when there is no such client. */
        Optional<SessionName> shownBy(String clientTty);

        Set<SessionName> sessions();

        /** The one pane of a session. */
        PaneId paneOf(SessionName session);

        /** Opens a sidebar pane in the window of a session. */
        void openSidebarIn(SessionName session);

        /** Makes the multiplexer stop answering for good. */
        void stopAnswering();

        @Override
        void close();
    }

    @Test
    void switchShowsTheSessionOnTheClient() {
        try (Stage stage = stage()) {
            assertThat(stage.multiplexer().switchClient(stage.client(), BETA)).isEqualTo(new SwitchOutcome.Switched());

            assertThat(stage.shownBy(stage.client())).contains(BETA);
        }
    }

    @Test
    void switchToAnUnknownSessionOrClientChangesNothing() {
        try (Stage stage = stage()) {
            assertThat(stage.multiplexer().switchClient(stage.client(), SessionName.of("ghost")))
                    .isEqualTo(new SwitchOutcome.UnknownSession());
            assertThat(stage.multiplexer().switchClient(NO_CLIENT, BETA)).isEqualTo(new SwitchOutcome.UnknownClient());

            assertThat(stage.shownBy(stage.client())).contains(ALPHA);
        }
    }

    @Test
    void createReturnsTheSanitizedNameTheSessionReallyGot() {
        try (Stage stage = stage()) {
            SessionName created = stage.multiplexer().createSession("v1.2:x", null);

            assertThat(created).isEqualTo(SessionName.of("v1_2_x"));
            assertThat(stage.sessions()).contains(created);
        }
    }

    @Test
    void renameSanitizesTheNewNameAndUnknownSessionsAreSaidSo() {
        try (Stage stage = stage()) {
            assertThat(stage.multiplexer().renameSession(BETA, "b.2"))
                    .isEqualTo(new RenameOutcome.Renamed(SessionName.of("b_2")));
            assertThat(stage.multiplexer().renameSession(SessionName.of("ghost"), "g"))
                    .isEqualTo(new RenameOutcome.UnknownSession());

            assertThat(stage.sessions()).contains(SessionName.of("b_2"), ALPHA).doesNotContain(BETA);
        }
    }

    @Test
    void killEndsTheSessionAndMovesItsClientsToThePreviousOne() {
        try (Stage stage = stage()) {
            stage.multiplexer().switchClient(stage.client(), BETA);

            assertThat(stage.multiplexer().killSession(BETA, List.of(ALPHA, BETA))).isEqualTo(new KillOutcome.Killed());
            assertThat(stage.multiplexer().killSession(SessionName.of("ghost"), List.of(ALPHA)))
                    .isEqualTo(new KillOutcome.UnknownSession());

            assertThat(stage.sessions()).contains(ALPHA).doesNotContain(BETA);
            assertThat(stage.shownBy(stage.client())).contains(ALPHA);
        }
    }

    @Test
    void clientShowingFindsTheClientThatShowsAPane() {
        try (Stage stage = stage()) {
            assertThat(stage.multiplexer().clientShowing(stage.paneOf(ALPHA))).contains(stage.client());
        }
    }

    @Test
    void focusPaneShowsThePaneOnTheClientUnlessTheClientOrThePaneIsGone() {
        try (Stage stage = stage()) {
            assertThat(stage.multiplexer().focusPane(stage.client(), stage.paneOf(BETA)))
                    .isEqualTo(new FocusOutcome.Focused());
            assertThat(stage.multiplexer().focusPane(NO_CLIENT, stage.paneOf(ALPHA)))
                    .isEqualTo(new FocusOutcome.UnknownClient());
            assertThat(stage.multiplexer().focusPane(stage.client(), NO_PANE))
                    .isEqualTo(new FocusOutcome.UnknownPane());

            assertThat(stage.shownBy(stage.client())).contains(BETA);
        }
    }

    @Test
    void focusSidebarFindsTheSidebarOfTheSessionTheClientShows() {
        try (Stage stage = stage()) {
            stage.openSidebarIn(BETA);
            stage.multiplexer().switchClient(stage.client(), BETA);

            assertThat(stage.multiplexer().focusSidebar(stage.client(), BETA))
                    .isEqualTo(new SidebarFocusOutcome.Focused());
            assertThat(stage.multiplexer().focusSidebar(NO_CLIENT, BETA))
                    .isEqualTo(new SidebarFocusOutcome.UnknownClient());
        }
    }

    @Test
    void aMessageGoesToAnAttachedClientAndAnUnknownOneIsSaidSo() {
        try (Stage stage = stage()) {
            assertThat(stage.multiplexer().showMessage(stage.client(), "codex in #{session_name} waits"))
                    .isEqualTo(new Multiplexer.MessageOutcome.Shown());
            assertThat(stage.multiplexer().showMessage(NO_CLIENT, "nobody"))
                    .isEqualTo(new Multiplexer.MessageOutcome.UnknownClient());
        }
    }

    @Test
    void focusSidebarSaysSoWhenTheWindowHasNoSidebar() {
        try (Stage stage = stage()) {
            assertThat(stage.multiplexer().focusSidebar(stage.client(), ALPHA))
                    .isEqualTo(new SidebarFocusOutcome.NoSidebar());
        }
    }

    @Test
    void noPassthroughWithoutASidebarInTheClientsWindowOrForAnUnknownClient() {
        try (Stage stage = stage()) {
            assertThat(stage.multiplexer().passthroughPane(stage.client()))
                    .isEqualTo(new Multiplexer.PassthroughOutcome.NoSidebar());
            assertThat(stage.multiplexer().passthroughPane(NO_CLIENT))
                    .isEqualTo(new Multiplexer.PassthroughOutcome.UnknownClient());
        }
    }

    @Test
    void killPaneKillsItOnceAndThenSaysItIsGone() {
        try (Stage stage = stage()) {
            PaneId pane = stage.paneOf(BETA);

            assertThat(stage.multiplexer().killPane(pane)).isEqualTo(new PaneKillOutcome.Killed());
            assertThat(stage.multiplexer().killPane(pane)).isEqualTo(new PaneKillOutcome.UnknownPane());
        }
    }

    @Test
    void aMultiplexerThatStopsAnsweringRaisesMultiplexerException() {
        try (Stage stage = stage()) {
            stage.stopAnswering();

            assertThatThrownBy(() -> stage.multiplexer().createSession("late", null))
                    .isInstanceOf(MultiplexerException.class);
        }
    }
}
