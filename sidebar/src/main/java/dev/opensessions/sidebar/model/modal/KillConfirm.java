package dev.opensessions.sidebar.model.modal;

import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.sidebar.model.ListRow;
import dev.opensessions.sidebar.model.Modal;

import java.util.List;
import java.util.Objects;

/**
 * The kill confirm ({@code x}): what would be killed and how the question reads. {@code y} or
 * Enter kills, {@code n} or Esc keeps.
 *
 * @param title    "Kill session?", "Kill worktree?" or "Kill worktree group?"
 * @param detail   the line under the title, empty when none ("N sessions in label" for a group)
 * @param sessions the sessions killed on yes
 */
public record KillConfirm(String title, String detail, List<SessionName> sessions) implements Modal {

    public static final int WIDTH = 28;
    public static final String HINT = "y / n";

    public KillConfirm {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        sessions = List.copyOf(sessions);
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("nothing to kill");
        }
    }

    /** The confirm for the row {@code x} was pressed on: a session, a worktree child or a whole group. */
    public static KillConfirm forRow(ListRow row) {
        return switch (row.kind()) {
            case SESSION -> new KillConfirm("Kill session?", row.session().name().value(),
                    List.of(row.session().name()));
            case CHILD -> new KillConfirm("Kill worktree?", row.session().name().value(),
                    List.of(row.session().name()));
            case HEADER -> new KillConfirm("Kill worktree group?",
                    row.group().members().size() + " sessions in " + row.group().label(),
                    row.group().members().stream().map(Session::name).toList());
        };
    }

    /** Title, detail and hint, each on its own line. */
    public ModalBox box(int paneWidth, int paneHeight) {
        return ModalBox.place(paneWidth, paneHeight, WIDTH, 3);
    }
}
