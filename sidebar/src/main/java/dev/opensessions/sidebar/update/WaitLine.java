package dev.opensessions.sidebar.update;

import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.domain.agent.ThreadChange;
import dev.opensessions.domain.agent.ThreadChanges;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.sidebar.model.AgentRows;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SessionWaits;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the agents panel's wait figures for the session it describes: asks for them when the panel turns to
 * another session, and again when an agent of that session changes status or is looked at (the history the
 * figures come from changed), at most every {@link #EVERY}: a change sooner sets one timer for the rest.
 * Nothing is asked while nothing changes. Runs after {@link SidebarUpdate#update} in the sidebar program, so the
 * update's own steps stay as they were.
 */
public final class WaitLine {

    /** The figures are read from the database: at most this often per pane. */
    static final Duration EVERY = Duration.ofSeconds(5);
    static final String TIMER = "waits";

    private WaitLine() {
    }

    /** The step of {@code msg}, plus asking for the figures when the panel needs them (see the class comment). */
    public static Step<SidebarState> follow(SidebarState before, Msg msg, Step<SidebarState> step) {
        SidebarState after = step.state();
        Optional<SessionName> described = AgentRows.described(after).map(Session::name);
        if (described.isEmpty()) {
            return step;
        }
        SessionName session = described.get();
        SessionWaits waits = after.panel().waits();
        Instant now = after.snapshot().takenAt();
        if (waits == null || !waits.session().equals(session)) {
            return ask(step, new SessionWaits(session, null, now, false));
        }
        if (msg instanceof Msg.Timer timer && TIMER.equals(timer.purpose())) {
            return waits.stale() ? ask(step, new SessionWaits(session, waits.figures(), now, false)) : step;
        }
        if (waits.stale() || !changed(before.snapshot(), after.snapshot(), session)) {
            return step;
        }
        Instant next = waits.asked().plus(EVERY);
        if (!now.isBefore(next)) {
            return ask(step, new SessionWaits(session, waits.figures(), now, false));
        }
        List<Effect> effects = new ArrayList<>(step.effects());
        effects.add(new Effect.Later(Duration.between(now, next), new Msg.Timer(TIMER, 0)));
        return new Step<>(with(after, new SessionWaits(session, waits.figures(), waits.asked(), true)), effects);
    }

    static SidebarState loaded(SidebarState state, Msg.WaitsLoaded loaded) {
        SessionWaits waits = state.panel().waits();
        if (waits == null || !waits.session().equals(loaded.session())) {
            return state;
        }
        return with(state, new SessionWaits(waits.session(), loaded.figures(), waits.asked(), waits.stale()));
    }

    private static Step<SidebarState> ask(Step<SidebarState> step, SessionWaits asking) {
        List<Effect> effects = new ArrayList<>(step.effects());
        effects.add(new Effect.LoadWaits(asking.session()));
        return new Step<>(with(step.state(), asking), effects);
    }

    private static SidebarState with(SidebarState state, SessionWaits waits) {
        return state.withPanel(state.panel().withWaits(waits));
    }

    private static boolean changed(StateSnapshot before, StateSnapshot after, SessionName session) {
        if (before == after || before.agents() == after.agents()) {
            return false;
        }
        for (ThreadChange change : ThreadChanges.between(before.agents(), after.agents())) {
            if (change.after().session().equals(session)) {
                return true;
            }
        }
        return false;
    }
}
