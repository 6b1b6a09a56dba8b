package dev.opensessions.protocol;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.StatusTransition;

/**
 * One agent status change on the wire, as {@code GET /api/history} lists it.
 *
 * @param thread the agent row's key ({@code agent} or {@code agent:threadId})
 * @param from   the previous status's wire name, null when the thread was new
 * @param at     when the change happened, epoch milliseconds
 */
public record TransitionView(String session, String thread, String from, String to, long at) {

    public static TransitionView of(StatusTransition transition) {
        AgentStatus from = transition.from();
        return new TransitionView(
                transition.session().value(),
                transition.thread().value(),
                from == null ? null : from.wireName(),
                transition.to().wireName(),
                transition.at().toEpochMilli());
    }
}
