package dev.opensessions.adapters.tmux;

import dev.opensessions.application.testkit.Await;
import dev.opensessions.domain.session.Client;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.Topology;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class TmuxSessionSourceTest {

    @Test
    void pushesTheTopologyWithSidebarsLeftOutAndTheFocusedPanesOfUserClients() {
        try (Running running = Running.withSession("work")) {
            String work = running.tmux.sessionId("work");
            String main = running.tmux.run("display-message", "-p", "-t", work, "#{pane_id}").getFirst();
            String sidebar = running.tmux.run("split-window", "-h", "-b", "-f", "-d", "-l", "20", "-t", work,
                    "-P", "-F", "#{pane_id}").getFirst();
            running.tmux.run("select-pane", "-t", sidebar, "-T", TmuxPane.SIDEBAR_TITLE);
            AtomicReference<Topology> pushed = new AtomicReference<>();
            running.adapter.sessionSource().open(pushed::set);

            Await.until(() -> pushed.get() != null && pushed.get().contains(SessionName.of("work"))
                    && pushed.get().session(SessionName.of("work")).orElseThrow().panes().size() == 1,
                    Duration.ofSeconds(20), "topology pushed");
            Session session = pushed.get().session(SessionName.of("work")).orElseThrow();
            assertThat(session.panes()).containsExactly(PaneId.of(main));
            Await.until(() -> pushed.get().sidebarPanes().containsKey(PaneId.of(sidebar)), Duration.ofSeconds(20),
                    "sidebar pane traced to its session");
            assertThat(pushed.get().sessionOfPane(PaneId.of(sidebar))).contains(SessionName.of("work"));
            assertThat(session.windows()).isEqualTo(1);
            assertThat(pushed.get().focusedPanes()).as("only the control client is attached").isEmpty();

            assertThat(pushed.get().clients()).as("control clients are not users' clients").isEmpty();

            String tty = running.tmux.attachClient(work);
            Await.until(() -> pushed.get().focusedPanes().contains(PaneId.of(main)), Duration.ofSeconds(20),
                    "focused pane of the user's client");
            Await.until(() -> !pushed.get().clients().isEmpty(), Duration.ofSeconds(20), "client listed");
            assertThat(pushed.get().clients())
                    .containsExactly(new Client(tty, SessionName.of("work"), PaneId.of(main)));
            assertThat(pushed.get().sessionOf(tty)).contains(SessionName.of("work"));

            running.tmux.run("new-session", "-d", "-s", "more");
            Await.until(() -> pushed.get().contains(SessionName.of("more")), Duration.ofSeconds(20), "new session");
            running.adapter.sessionSource().close();
            running.tmux.run("new-session", "-d", "-s", "unseen");
            running.awaitModel(s -> s.sessionNamed("unseen").isPresent(), "model sees it");
            assertThat(pushed.get().contains(SessionName.of("unseen"))).as("closed source pushes nothing").isFalse();
        }
    }
}
