package dev.opensessions.protocol;

import java.util.List;

/**
 * One live session on the wire (SPEC 4.1 subset known to the server so far), in display order.
 *
 * @param attention the most urgent agent signal (SPEC 7.2), null when the session has no visible agent
 */
public record SessionView(
        String name,
        long createdAt,
        String dir,
        int windows,
        int panes,
        boolean hidden,
        boolean unseen,
        AgentView agentState,
        List<AgentView> agents,
        List<Long> eventTimestamps,
        String attention,
        MetadataView metadata,
        String nodeId,
        String providerId) {
}
