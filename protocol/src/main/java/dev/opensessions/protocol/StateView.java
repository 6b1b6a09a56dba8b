package dev.opensessions.protocol;

import java.util.List;
import java.util.Map;

/**
 * The whole server state on the wire: live sessions in display order, the users' attached tmux clients,
 * the user's order and hidden set, and the metadata pushed for every session name, live or not yet created.
 */
public record StateView(
        long version,
        long ts,
        List<SessionView> sessions,
        List<ClientView> clients,
        List<String> order,
        List<String> hidden,
        Map<String, MetadataView> metadata) {
}
