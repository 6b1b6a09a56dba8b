package dev.opensessions.sidebar.model;

import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A main checkout and its {@code git worktree}s shown as one group.
 *
 * @param key     the shared repository key; collapsed groups are remembered by it
 * @param label   the main checkout's folder name, else the repository's folder name
 * @param members the group's sessions in display order, two or more
 */
public record WorktreeGroup(String key, String label, List<Session> members) implements ListBlock {

    public WorktreeGroup {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        members = List.copyOf(members);
        if (members.size() < 2) {
            throw new IllegalArgumentException("a group has two or more members");
        }
    }

    static WorktreeGroup of(String key, List<Session> members) {
        String label = members.stream()
                .filter(s -> s.git() != null && !s.git().worktree() && !s.directory().isBlank())
                .findFirst()
                .map(s -> basename(s.directory()))
                .orElseGet(() -> basename(parent(key)));
        return new WorktreeGroup(key, label.isBlank() ? key : label, members);
    }

    @Override
    public List<Session> sessions() {
        return members;
    }

    public boolean contains(SessionName session) {
        for (Session member : members) {
            if (member.name().equals(session)) {
                return true;
            }
        }
        return false;
    }

    /** The child a focused header stands for: the viewer's current session when it is a member, else the first. */
    public SessionName chosen(Optional<SessionName> current) {
        return current.filter(this::contains).orElse(members.getFirst().name());
    }

    static String basename(String path) {
        String trimmed = withoutTrailingSlashes(path);
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static String parent(String path) {
        String trimmed = withoutTrailingSlashes(path);
        int slash = trimmed.lastIndexOf('/');
        return slash <= 0 ? trimmed : trimmed.substring(0, slash);
    }

    /** The path without the slashes it ends in; a loop rather than a regular expression, as it runs per row. */
    static String withoutTrailingSlashes(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }
}
