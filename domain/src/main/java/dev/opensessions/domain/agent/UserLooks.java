package dev.opensessions.domain.agent;

import dev.opensessions.domain.session.Client;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.Topology;

import java.util.HashMap;
import java.util.Map;

/**
 * What the user looking at something does to the unseen markers, when the multiplexer's picture changes:
 * <ul>
 *   <li>a pane that just gained an attached client's focus marks every agent in it seen;</li>
 *   <li>a client that switched into a session (or attached to it) marks that session's agents seen when
 *       exactly one of them is unseen: with several, the user has to look at each one (its pane, or its row
 *       in the sidebar).</li>
 * </ul>
 * The first picture after a start holds no switch (the clients were there before the server), but its
 * focused panes are being looked at.
 */
public final class UserLooks {

    private UserLooks() {
    }

    public static AgentTracker apply(AgentTracker agents, Topology before, Topology after) {
        AgentTracker result = agents;
        // The count of unseen agents is the one the user switched into, before focusing a pane there clears one.
        if (!before.sessions().isEmpty()) {
            Map<String, SessionName> shownBefore = new HashMap<>();
            before.clients().forEach(client -> shownBefore.put(client.tty(), client.session()));
            for (Client client : after.clients()) {
                if (!client.session().equals(shownBefore.get(client.tty()))) {
                    result = result.focusSession(client.session());
                }
            }
        }
        for (PaneId pane : after.focusedPanes()) {
            if (!before.focusedPanes().contains(pane)) {
                result = result.markPaneSeen(pane);
            }
        }
        return result;
    }
}
