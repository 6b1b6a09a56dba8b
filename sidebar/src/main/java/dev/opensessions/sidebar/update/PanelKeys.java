package dev.opensessions.sidebar.update;

import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.sidebar.ThemeChoice;
import dev.opensessions.sidebar.model.AgentRows;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.KeyKind;
import dev.opensessions.sidebar.model.Panel;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;
import dev.opensessions.sidebar.model.modal.ThemePicker;
import dev.opensessions.sidebar.model.modal.WidthSlider;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keys of the agents panel and the keys that open modals or move between panels:
 * {@code t}, {@code w}, {@code a}, {@code Ctrl-J}/{@code Ctrl-K}, arrows, {@code Esc}, and the agents
 * panel's own keys while it has the keyboard. Empty when the key is the session list's.
 */
final class PanelKeys {

    private PanelKeys() {
    }

    static Optional<Step<SidebarState>> handle(SidebarState state, Key key) {
        if (isCtrl(key, 'j') || key.kind() == KeyKind.RIGHT && plain(key)) {
            return Optional.of(focus(state, Panel.AGENTS));
        }
        if (isCtrl(key, 'k') || key.kind() == KeyKind.LEFT && plain(key)) {
            return Optional.of(focus(state, Panel.SESSIONS));
        }
        if (key.kind() == KeyKind.ESCAPE) {
            return Optional.of(escape(state));
        }
        if (key.is('a')) {
            return Optional.of(Step.of(state.withPanel(state.panel().withScopeToggled())));
        }
        if (key.is('t')) {
            ThemePicker picker = ThemePicker.open(ThemeChoice.BUILT_IN, state.snapshot().sidebar().theme().name());
            return Optional.of(Step.of(state.withPanel(state.panel().withModal(picker))));
        }
        if (key.is('w')) {
            WidthSlider slider = WidthSlider.open(state.snapshot().sidebar().width());
            return Optional.of(Step.of(state.withPanel(state.panel().withModal(slider))));
        }
        return state.panel().focus() == Panel.AGENTS ? agentKey(state, key) : Optional.empty();
    }

    /** Esc goes back to the session list; from the list, a popup closes and a docked pane stays. */
    private static Step<SidebarState> escape(SidebarState state) {
        if (state.panel().focus() == Panel.AGENTS) {
            return focus(state, Panel.SESSIONS);
        }
        return state.popup() ? Step.of(state, new Effect.ClosePane()) : Step.of(state);
    }

    /**
     * The agents panel's keys. Keys that only mean something in the list (Tab, digits, Alt-arrows) do
     * nothing; the rest ({@code q}, {@code f}, {@code r}, ...) mean what they mean in the list.
     */
    private static Optional<Step<SidebarState>> agentKey(SidebarState state, Key key) {
        if (key.kind() == KeyKind.DOWN && plain(key) || key.is('j')) {
            return Optional.of(Step.of(select(state, AgentRows.selectedIndex(state) + 1)));
        }
        if (key.kind() == KeyKind.UP && plain(key) || key.is('k')) {
            return Optional.of(Step.of(select(state, AgentRows.selectedIndex(state) - 1)));
        }
        if (key.kind() == KeyKind.ENTER) {
            return Optional.of(focusAgent(state));
        }
        if (key.is('d')) {
            return Optional.of(AgentRows.selected(state)
                    .map(a -> Step.of(state, new Effect.DismissAgent(a.session(), a.key())))
                    .orElseGet(() -> Step.of(state)));
        }
        if (key.is('x')) {
            return Optional.of(AgentRows.selected(state).filter(a -> a.paneId() != null)
                    .map(a -> Step.of(state, new Effect.KillAgentPane(a.paneId())))
                    .orElseGet(() -> Step.of(state)));
        }
        boolean listOnly = key.kind() == KeyKind.TAB || key.kind() == KeyKind.BACK_TAB || isCtrl(key, 'i')
                || key.alt() && (key.kind() == KeyKind.UP || key.kind() == KeyKind.DOWN)
                || key.kind() == KeyKind.CHAR && !key.ctrl() && !key.alt() && Character.isDigit(key.codePoint());
        return listOnly ? Optional.of(Step.of(state)) : Optional.empty();
    }

    /**
     * The user looked at the selected agent: its unseen marker clears, and its pane is shown when it has one
     * (an agent found only through its files has none). A popup closes once an agent is chosen.
     */
    static Step<SidebarState> focusAgent(SidebarState state) {
        Optional<AgentThread> agent = AgentRows.selected(state);
        if (agent.isEmpty()) {
            return Step.of(state);
        }
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.MarkAgentSeen(agent.get().session(), agent.get().key()));
        if (agent.get().paneId() != null) {
            effects.add(new Effect.FocusAgent(agent.get().paneId()));
        }
        if (state.popup()) {
            effects.add(new Effect.ClosePane());
        }
        return new Step<>(state, effects);
    }

    /** The selection at {@code index}, kept on the rows. */
    static SidebarState select(SidebarState state, int index) {
        int last = Math.max(0, AgentRows.of(state).size() - 1);
        return state.withPanel(state.panel().withAgentIndex(Math.max(0, Math.min(last, index))));
    }

    private static Step<SidebarState> focus(SidebarState state, Panel panel) {
        return Step.of(state.withPanel(state.panel().withFocus(panel)));
    }

    private static boolean isCtrl(Key key, char letter) {
        return key.kind() == KeyKind.CHAR && key.ctrl() && key.codePoint() == letter;
    }

    private static boolean plain(Key key) {
        return !key.ctrl() && !key.alt() && !key.shift();
    }
}
