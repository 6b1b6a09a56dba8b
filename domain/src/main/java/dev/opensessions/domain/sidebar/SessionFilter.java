package dev.opensessions.domain.sidebar;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.AgentTracker;
import dev.opensessions.domain.agent.Attention;
import dev.opensessions.domain.session.SessionName;

import java.util.Set;

/**
 * Which sessions the list shows (key {@code f}). The reference only names the filters; the
 * predicates here are ours: active means some agent wants attention or works, running
 * means some agent works right now.
 */
public enum SessionFilter {
    ALL("all"),
    ACTIVE("active"),
    RUNNING("running");

    private final String label;

    SessionFilter(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The next filter in the cycle all, active, running, all. */
    public SessionFilter next() {
        return values()[(ordinal() + 1) % values().length];
    }

    public boolean accepts(AgentTracker agents, SessionName session) {
        return switch (this) {
            case ALL -> true;
            case ACTIVE -> agents.unseen(session)
                    || agents.attention(session).filter(a -> a != Attention.IDLE && a != Attention.DONE_SEEN).isPresent();
            case RUNNING -> agents.visible(session, Set.of()).stream()
                    .map(AgentThread::status)
                    .anyMatch(AgentStatus::isWorking);
        };
    }
}
