package dev.opensessions.adapters.tmux;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells which windows user clients turned to since the last snapshot (a new window, a window selected, a
 * session switched), per client tty. Only a turn counts: a sidebar its user closed is not wanted back until
 * the client leaves the window and returns, and a session nobody looks at is never turned to. Not thread-safe.
 */
final class SidebarEnsure {

    private Map<String, String> windowByClient = Map.of();

    /** The windows clients show now and did not show in the previous snapshot, once each. */
    List<String> turnedTo(TmuxSnapshot snapshot) {
        Map<String, String> now = new HashMap<>();
        Set<String> turned = new LinkedHashSet<>();
        for (TmuxClient client : snapshot.clients()) {
            String before = windowByClient.get(client.tty());
            String window = SidebarLayout.currentWindow(snapshot, client.sessionId()).orElse(before);
            if (window == null) {
                continue;
            }
            now.put(client.tty(), window);
            if (!window.equals(before)) {
                turned.add(window);
            }
        }
        windowByClient = now;
        return List.copyOf(turned);
    }
}
