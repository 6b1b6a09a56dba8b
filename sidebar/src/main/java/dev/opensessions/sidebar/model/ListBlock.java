package dev.opensessions.sidebar.model;

import dev.opensessions.domain.session.GitStatus;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One unit of the list's display order: a lone session or a worktree group. Reordering moves whole blocks,
 * so a group always stays together and a session moved past a group jumps over all of it (SPEC 9.2 case 10).
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
     * Groups the displayed sessions (SPEC 7.2): sessions whose repository key is shared by two or more of
     * them form a group, placed where its first member is, its members in display order.
     */
    static List<ListBlock> of(List<Session> displayed) {
        Map<String, List<Session>> byKey = new LinkedHashMap<>();
        for (Session session : displayed) {
            key(session).ifPresent(k -> byKey.computeIfAbsent(k, ignored -> new ArrayList<>()).add(session));
        }
        List<ListBlock> blocks = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        for (Session session : displayed) {
            String key = key(session).filter(k -> byKey.get(k).size() > 1).orElse(null);
            if (key == null) {
                blocks.add(new Single(session));
            } else if (placed.add(key)) {
                blocks.add(WorktreeGroup.of(key, byKey.get(key)));
            }
        }
        return List.copyOf(blocks);
    }

    /** Every session of the blocks, in order: the display order the core is asked to keep. */
    static List<SessionName> names(List<ListBlock> blocks) {
        return blocks.stream().flatMap(b -> b.sessions().stream()).map(Session::name).toList();
    }

    private static Optional<String> key(Session session) {
        return Optional.ofNullable(session.git()).map(GitStatus::repositoryKey).filter(k -> !k.isBlank());
    }
}
