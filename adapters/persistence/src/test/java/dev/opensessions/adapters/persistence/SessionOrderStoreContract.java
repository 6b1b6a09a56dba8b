package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.SessionOrderStore;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.SessionOrder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.opensessions.adapters.persistence.Samples.AWKWARD;
import static dev.opensessions.adapters.persistence.Samples.name;
import static org.assertj.core.api.Assertions.assertThat;

/** What every SessionOrderStore must do; extended once per implementation. */
abstract class SessionOrderStoreContract {

    /** A fresh, empty store. */
    protected abstract SessionOrderStore store();

    @Test
    void freshStoreLoadsTheEmptyOrder() {
        assertThat(store().load()).isEqualTo(SessionOrder.empty());
    }

    @Test
    void savedOrderLoadsInTheSameSequenceWithItsHiddenSet() {
        SessionOrderStore store = store();
        List<SessionName> order = List.of(name("zeta"), name("my project"), name(AWKWARD), name("alpha"),
                name("日本語"), name("b;c"));
        SessionOrder saved = new SessionOrder(order, Set.of(name(AWKWARD), name("gone away")));

        store.save(saved);

        SessionOrder loaded = store.load();
        assertThat(loaded.order()).containsExactlyElementsOf(order);
        assertThat(loaded.hidden()).containsExactlyInAnyOrder(name(AWKWARD), name("gone away"));
        assertThat(loaded).isEqualTo(saved);
    }

    @Test
    void savingReplacesTheWholePreviousOrder() {
        SessionOrderStore store = store();
        store.save(new SessionOrder(List.of(name("a"), name("b"), name("c")), Set.of(name("c"))));

        SessionOrder shorter = new SessionOrder(List.of(name("c"), name("a")), Set.of());
        store.save(shorter);

        assertThat(store.load()).isEqualTo(shorter);
    }

    @Test
    void savingTheEmptyOrderClearsIt() {
        SessionOrderStore store = store();
        store.save(new SessionOrder(List.of(name("a")), Set.of(name("b"))));

        store.save(SessionOrder.empty());

        assertThat(store.load()).isEqualTo(SessionOrder.empty());
    }

    @Test
    void hiddenOnlyOrderRoundTrips() {
        SessionOrderStore store = store();
        SessionOrder hiddenOnly = new SessionOrder(List.of(), Set.of(name("secret")));

        store.save(hiddenOnly);

        assertThat(store.load()).isEqualTo(hiddenOnly);
    }
}
