package dev.opensessions.domain.session;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SessionOrderTest {

    private static Session session(String name, long created) {
        return new Session(SessionName.of(name), Instant.ofEpochSecond(created), "/w/" + name, 1, List.of());
    }

    private static final List<Session> LIVE = List.of(
            session("c", 3), session("a", 1), session("b", 2), session("b2", 2));

    private static List<String> names(List<Session> sessions) {
        return sessions.stream().map(s -> s.name().value()).toList();
    }

    private static List<SessionName> named(String... names) {
        return java.util.Arrays.stream(names).map(SessionName::of).toList();
    }

    @Test
    void baseOrderIsCreationTimeThenName() {
        assertThat(names(SessionOrder.empty().arrange(LIVE))).containsExactly("a", "b", "b2", "c");
    }

    @Test
    void userOrderComesFirstAndUnknownSessionsFollowInBaseOrder() {
        SessionOrder order = new SessionOrder(named("c", "gone", "b"), Set.of());

        assertThat(names(order.arrange(LIVE))).containsExactly("c", "b", "a", "b2");
    }

    @Test
    void hiddenSessionsAreDroppedExceptTheViewersCurrentOne() {
        SessionOrder order = new SessionOrder(List.of(), Set.of(SessionName.of("b"), SessionName.of("c")));

        assertThat(names(order.display(LIVE, Optional.empty()))).containsExactly("a", "b2");
        assertThat(names(order.display(LIVE, Optional.of(SessionName.of("c"))))).containsExactly("a", "b2", "c");
    }

    @Test
    void moveShiftsAmongDisplayedSessionsAndKeepsHiddenSlots() {
        SessionOrder order = new SessionOrder(List.of(), Set.of(SessionName.of("b")));

        SessionOrder moved = order.move(SessionName.of("c"), -1, LIVE, Optional.empty()).orElseThrow();

        assertThat(names(moved.display(LIVE, Optional.empty()))).containsExactly("a", "c", "b2");
        assertThat(names(moved.arrange(LIVE))).containsExactly("a", "b", "c", "b2");
    }

    @Test
    void moveClampsAtTheEnds() {
        SessionOrder moved = SessionOrder.empty().move(SessionName.of("a"), -5, LIVE, Optional.empty()).orElseThrow();

        assertThat(names(moved.arrange(LIVE))).containsExactly("a", "b", "b2", "c");
    }

    @Test
    void movingAnUnknownSessionIsRefused() {
        assertThat(SessionOrder.empty().move(SessionName.of("zzz"), 1, LIVE, Optional.empty())).isEmpty();
    }

    @Test
    void movedOrderSurvivesANewSession() {
        SessionOrder moved = SessionOrder.empty().move(SessionName.of("c"), -3, LIVE, Optional.empty()).orElseThrow();
        List<Session> more = new java.util.ArrayList<>(LIVE);
        more.add(session("new", 0));

        assertThat(names(moved.arrange(more))).containsExactly("c", "a", "b", "b2", "new");
    }

    @Test
    void hideShowAllAndRename() {
        SessionOrder order = new SessionOrder(named("a", "b"), Set.of()).hide(SessionName.of("a"));

        assertThat(order.hidden()).containsExactly(SessionName.of("a"));
        assertThat(order.showAll().hidden()).isEmpty();
        SessionOrder renamed = order.rename(SessionName.of("a"), SessionName.of("z"));
        assertThat(renamed.order()).containsExactly(SessionName.of("z"), SessionName.of("b"));
        assertThat(renamed.hidden()).containsExactly(SessionName.of("z"));
    }

    @Test
    void duplicateNamesInTheStoredOrderAreKeptOnce() {
        assertThat(new SessionOrder(named("a", "b", "a"), Set.of()).order()).containsExactly(
                SessionName.of("a"), SessionName.of("b"));
    }
}
