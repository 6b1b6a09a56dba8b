package dev.opensessions.application.service;

import dev.opensessions.application.port.in.ReorderOutcome;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SessionOrderServiceTest {

    private final Harness h = new Harness();

    private java.util.List<String> displayed() {
        return h.owner.current().displayedSessions(Optional.empty()).stream()
                .map(Session::name).map(SessionName::value).toList();
    }

    @Test
    void reorderHideAndShowAll() {
        h.mux.pushSessions("a", "/a", "b", "/b", "c", "/c");

        assertThat(h.order.reorder(SessionName.of("c"), -1)).isInstanceOf(ReorderOutcome.Reordered.class);
        assertThat(displayed()).containsExactly("a", "c", "b");

        h.order.hide(SessionName.of("a"));
        assertThat(displayed()).containsExactly("c", "b");

        h.order.showAll();
        assertThat(displayed()).containsExactly("a", "c", "b");
    }

    @Test
    void reorderingAnUnknownSessionSaysSoAndChangesNothing() {
        h.mux.pushSessions("a", "/a");
        long version = h.owner.current().version();

        assertThat(h.order.reorder(SessionName.of("nope"), 1)).isInstanceOf(ReorderOutcome.UnknownSession.class);
        assertThat(h.owner.current().version()).isEqualTo(version);
    }
}
