package dev.opensessions.protocol;

import java.util.List;

/**
 * One live session on the wire, in display order.
 *
 * @param branch        the git branch of {@code dir}; null when it is not a repository (then the git
 *                      fields are false or 0)
 * @param worktreeGroup the same for every worktree of one repository; null outside git
 * @param ports         TCP ports listened on by processes in the session's panes, ascending
 * @param attention     the most urgent agent signal, null when the session has no visible agent
 */
public record SessionView(
        String name,
        long createdAt,
        String dir,
        int windows,
        int panes,
        String branch,
        boolean dirty,
        int changedFiles,
        int insertions,
        int deletions,
        boolean isWorktree,
        String worktreeGroup,
        List<Integer> ports,
        List<LinkView> localLinks,
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
