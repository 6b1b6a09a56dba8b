package dev.opensessions.sidebar.model;

import dev.opensessions.domain.session.GitStatus;
import dev.opensessions.domain.session.Session;

import java.util.Objects;

/**
 * Where the parts of a session's detail line sit: the branch (or folder) at the left, the
 * first port after it, the diff counts right-aligned. The branch gives way first, then the diff. The view
 * draws from it and the mouse hits against it, so a click on {@code ⌁3000} or {@code +12 -3} means that.
 *
 * @param label the branch or folder, already cut to fit
 * @param portX where the port starts; {@code port} is empty when the session listens on none
 * @param plusX where {@code +insertions} starts; {@code plus} and {@code minus} are empty when clean or no room
 */
public record DetailLine(String label, String port, int portX, String plus, int plusX, String minus, int minusX) {

    public DetailLine {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(plus, "plus");
        Objects.requireNonNull(minus, "minus");
    }

    /** The detail line of {@code session} from column {@code x0}, {@code room} cells wide. */
    public static DetailLine of(Session session, int x0, int room) {
        GitStatus git = session.git();
        String label = label(session);
        String port = session.ports().isEmpty() ? ""
                : "⌁" + session.ports().getFirst()
                + (session.ports().size() > 1 ? " (+" + (session.ports().size() - 1) + ")" : "");
        boolean dirty = git != null && git.dirty();
        int portWidth = port.isEmpty() ? 0 : TextWidth.of(port) + (label.isEmpty() ? 0 : 2);
        int diffWidth = dirty ? TextWidth.of("+" + git.insertions() + " -" + git.deletions()) + 1 : 0;
        if (portWidth + diffWidth > room) {
            dirty = false;
            diffWidth = 0;
        }
        String shown = TextWidth.truncate(label, room - portWidth - diffWidth);
        int at = x0 + TextWidth.of(shown);
        int portX = at == x0 ? at : at + 2;
        String portShown = port.isEmpty() ? "" : TextWidth.truncate(port, x0 + room - portX);
        String minus = dirty ? "-" + git.deletions() : "";
        String plus = dirty ? "+" + git.insertions() : "";
        int minusX = x0 + room - TextWidth.of(minus);
        return new DetailLine(shown, portShown, portX, plus, minusX - 1 - TextWidth.of(plus), minus, minusX);
    }

    /** True when column {@code x} is on the port. */
    public boolean onPort(int x) {
        return !port.isEmpty() && x >= portX && x < portX + TextWidth.of(port);
    }

    /** True when column {@code x} is on {@code +i -d}. */
    public boolean onDiff(int x) {
        return !plus.isEmpty() && x >= plusX && x < minusX + TextWidth.of(minus);
    }

    /** The branch, or the directory's name when there is no branch and it differs from the session name. */
    static String label(Session session) {
        if (session.git() != null && !session.git().branch().isBlank()) {
            return session.git().branch();
        }
        if (session.directory().isBlank()) {
            return "";
        }
        String base = WorktreeGroup.basename(session.directory());
        return base.equals(session.name().value()) ? "" : base;
    }
}
