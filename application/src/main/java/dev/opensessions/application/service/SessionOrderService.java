package dev.opensessions.application.service;

import dev.opensessions.application.port.in.HideSessionUseCase;
import dev.opensessions.application.port.in.ReorderOutcome;
import dev.opensessions.application.port.in.ReorderSessionUseCase;
import dev.opensessions.application.port.in.ShowAllSessionsUseCase;
import dev.opensessions.application.state.Change;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.SessionOrder;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Changes the user's session order and hidden set (SPEC 4.1, 4.6). */
public final class SessionOrderService implements ReorderSessionUseCase, HideSessionUseCase, ShowAllSessionsUseCase {

    private final StateOwner owner;

    public SessionOrderService(StateOwner owner) {
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    @Override
    public ReorderOutcome reorder(SessionName session, int delta) {
        return owner.apply(state -> state.order()
                .move(session, delta, state.topology().sessions(), Optional.empty())
                .<Change<ReorderOutcome>>map(order -> Change.of(state.withOrder(order), new ReorderOutcome.Reordered()))
                .orElseGet(() -> Change.of(state, new ReorderOutcome.UnknownSession())));
    }

    @Override
    public void arrange(List<SessionName> order) {
        Objects.requireNonNull(order, "order");
        owner.apply(state -> {
            SessionOrder next = state.order().arrangeAs(order, state.topology().sessions());
            return next.equals(state.order()) ? Change.of(state, null) : Change.of(state.withOrder(next), null);
        });
    }

    @Override
    public void hide(SessionName session) {
        owner.apply(state -> Change.of(state.withOrder(state.order().hide(session)), null));
    }

    @Override
    public void showAll() {
        owner.apply(state -> Change.of(state.withOrder(state.order().showAll()), null));
    }
}
