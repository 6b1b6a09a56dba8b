package dev.opensessions.sidebar.model;

import dev.opensessions.domain.session.GitStatus;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One unit of the list's display order: a lone session or a worktree group. Reordering moves whole blocks,
 * so a group always stays together and a session moved past a group jumps over all of it
 * (docs/reference/sidebar.md#worktree-groups).
 */
public sealed interface ListBlock permits ListBlock.Single, WorktreeGroup {

    /** The block's sessions in display order. */
    List<Session> sessions();

    /** A session that shares its repository with no other displayed session. */
    record Single(Session session) implements ListBlock {
        public Single {
            Objects.requireNonNull(session, "session");
        }

        @Override
        public List<Session> sessions() {
            return List.of(session);
        }
    }

    /**
     * Groups the displayed sessions: sessions whose repository key is shared by two or more of
     * them form a group, placed where its first member is, its members in display order.
     */
    static List<ListBlock> of(List<Session> displayed) {
        Map<String, List<Session>> byKey = new HashMap<>();
        for (Session session : displayed) {
            String key = key(session);
            if (key != null) {
                byKey.computeIfAbsent(key, ignored -> new ArrayList<>(2)).add(session);
            }
        }
        List<ListBlock> blocks = new ArrayList<>(displayed.size());
        Set<String> placed = new HashSet<>();
        for (Session session : displayed) {
            String key = key(session);
            List<Session> members = key == null ? null : byKey.get(key);
            if (members == null || members.size() < 2) {
                blocks.add(new Single(session));
            } else if (placed.add(key)) {
                blocks.add(WorktreeGroup.of(key, members));
            }
        }
        return List.copyOf(blocks);
    }

    /** Every session of the blocks, in order: the display order the core is asked to keep. */
    static List<SessionName> names(List<ListBlock> blocks) {
        return blocks.stream().flatMap(b -> b.sessions().stream()).map(Session::name).toList();
    }

    /** The session's repository key, null when it has none; runs twice per session per snapshot, so no Optional. */
    private static String key(Session session) {
        GitStatus git = session.git();
        return git == null || git.repositoryKey().isBlank() ? null : git.repositoryKey();
    }
}
