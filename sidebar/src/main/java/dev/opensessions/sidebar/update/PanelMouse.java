package dev.opensessions.sidebar.update;

import dev.opensessions.domain.session.Session;
import dev.opensessions.sidebar.model.AgentRows;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Layout;
import dev.opensessions.sidebar.model.Modal;
import dev.opensessions.sidebar.model.MouseKind;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.Panel;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;

import java.util.List;
import java.util.Optional;

/**
 * Mouse actions inside the agents (detail) panel and on an open modal: a click on the scope
 * label toggles the scope, on an agent row does what Enter does, on a port opens it; the wheel moves the
 * agent selection. While a modal is open every mouse report is the modal's ({@link ModalMouse}).
 */
final class PanelMouse {

    private static final int LEFT_BUTTON = 0;

    private PanelMouse() {
    }

    static Step<SidebarState> handle(SidebarState state, Msg.Mouse mouse) {
        Modal modal = state.panel().modal();
        if (modal != null) {
            return ModalMouse.handle(state, modal, mouse);
        }
        Layout layout = state.layout();
        int line = mouse.y() - layout.detailTop();
        if (layout.detailRows() == 0 || line < 0 || line >= layout.detailRows()) {
            return Step.of(state);
        }
        return switch (mouse.kind()) {
            case SCROLL_UP -> Step.of(PanelKeys.select(state, AgentRows.selectedIndex(state) - 1));
            case SCROLL_DOWN -> Step.of(PanelKeys.select(state, AgentRows.selectedIndex(state) + 1));
            case PRESS -> mouse.button() == LEFT_BUTTON ? click(state, mouse.x(), line) : Step.of(state);
            case RELEASE, DRAG, MOVE -> Step.of(state);
        };
    }

    private static Step<SidebarState> click(SidebarState state, int x, int line) {
        SidebarState focused = state.withPanel(state.panel().withFocus(Panel.AGENTS));
        if (line == 0) {
            return x >= scopeLabelStart(state) ? Step.of(state.withPanel(state.panel().withScopeToggled()))
                    : Step.of(focused);
        }
        if (AgentRows.linksLine(state).filter(l -> l == line).isPresent()) {
            return portAt(state, x).map(port -> Step.of(state, new Effect.OpenPort(port)))
                    .orElseGet(() -> Step.of(focused));
        }
        return AgentRows.at(state, line, state.layout().detailRows())
                .map(index -> PanelKeys.focusAgent(PanelKeys.select(focused, index)))
                .orElseGet(() -> Step.of(focused));
    }

    /** The scope label sits at the title row's right end, one column of margin (as the view draws it). */
    static int scopeLabelStart(SidebarState state) {
        return state.width() - 1 - state.panel().scope().label().length();
    }

    /** The port whose {@code ⌁<port>} the links line shows at column {@code x}: one space, then each port. */
    private static Optional<Integer> portAt(SidebarState state, int x) {
        List<Integer> ports = AgentRows.described(state).map(Session::ports).orElse(List.of());
        int at = 1;
        for (int port : ports) {
            int width = 1 + String.valueOf(port).length();
            if (x >= at && x < at + width) {
                return Optional.of(port);
            }
            at += width + 1;
        }
        return Optional.empty();
    }

    static boolean isPress(Msg.Mouse mouse) {
        return mouse.kind() == MouseKind.PRESS && mouse.button() == LEFT_BUTTON;
    }
}
