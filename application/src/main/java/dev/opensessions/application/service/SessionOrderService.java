package dev.opensessions.application.service;

import dev.opensessions.application.port.in.HideSessionUseCase;
import dev.opensessions.application.port.in.LimitExceeded;
import dev.opensessions.application.port.in.ReorderOutcome;
import dev.opensessions.application.port.in.ReorderSessionUseCase;
import dev.opensessions.application.port.in.ShowAllSessionsUseCase;
import dev.opensessions.application.state.Change;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.SessionOrder;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes the user's session order and hidden set. The hidden set holds at most {@link #MAX_HIDDEN} names:
 * past it, names of sessions that are not live are let go first.
 */
public final class SessionOrderService implements ReorderSessionUseCase, HideSessionUseCase, ShowAllSessionsUseCase {

    /** More sessions than anyone hides; names pushed in a loop stop here. */
    public static final int MAX_HIDDEN = 256;

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
        owner.apply(state -> {
            SessionOrder next = state.order().hide(session);
            if (next.hidden().size() > MAX_HIDDEN) {
                Set<SessionName> kept = new HashSet<>();
                next.hidden().stream().filter(name -> name.equals(session) || state.topology().contains(name))
                        .forEach(kept::add);
                if (kept.size() > MAX_HIDDEN) {
                    throw new LimitExceeded("too many hidden sessions (at most " + MAX_HIDDEN + ")");
                }
                next = new SessionOrder(next.order(), kept);
            }
            return Change.of(state.withOrder(next), null);
        });
    }

    @Override
    public void showAll() {
        owner.apply(state -> Change.of(state.withOrder(state.order().showAll()), null));
    }
}
