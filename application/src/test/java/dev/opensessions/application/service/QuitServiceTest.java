package dev.opensessions.application.service;

import dev.opensessions.application.port.out.ServerLifecycle;
import dev.opensessions.domain.sidebar.SidebarPhase;
import dev.opensessions.domain.sidebar.SidebarPresence;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class QuitServiceTest {

    private final Harness harness = new Harness();
    private final List<SidebarPresence> atExit = new CopyOnWriteArrayList<>();
    private final ServerLifecycle lifecycle = () -> atExit.add(harness.owner.current().presence());
    private final QuitService service = new QuitService(harness.owner, lifecycle);

    @Test
    void closingIsPublishedBeforeTheProcessIsAskedToExit() {
        List<SidebarPresence> published = new CopyOnWriteArrayList<>();
        harness.owner.subscribe(snapshot -> published.add(snapshot.presence()));

        assertThat(service.quit()).isTrue();

        assertThat(atExit).containsExactly(new SidebarPresence(true, SidebarPhase.CLOSING));
        assertThat(published).last().isEqualTo(new SidebarPresence(true, SidebarPhase.CLOSING));
        assertThat(service.closing()).isTrue();
    }

    @Test
    void aSecondQuitChangesNothing() {
        service.quit();
        long version = harness.owner.current().version();

        assertThat(service.quit()).isFalse();

        assertThat(atExit).hasSize(1);
        assertThat(harness.owner.current().version()).isEqualTo(version);
    }
}
