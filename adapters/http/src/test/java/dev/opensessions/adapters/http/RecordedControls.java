package dev.opensessions.adapters.http;

import dev.opensessions.application.port.in.ClientContext;
import dev.opensessions.application.port.in.JumpToNextUseCase;
import dev.opensessions.application.port.in.RefreshUseCase;
import dev.opensessions.application.port.in.SidebarPresenceUseCase;
import dev.opensessions.application.port.in.SidebarSettingsUseCase;
import dev.opensessions.application.port.in.SwitchSessionUseCase;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.WindowId;
import dev.opensessions.domain.sidebar.SessionFilter;
import dev.opensessions.domain.sidebar.ThemeChoice;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the sidebar use cases behind the control endpoints: it records each call with its
 * arguments, so a test sees exactly what a request did, and nothing when it was refused.
 */
public final class RecordedControls implements SidebarPresenceUseCase, RefreshUseCase, SwitchSessionUseCase,
        SidebarSettingsUseCase, JumpToNextUseCase {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile SwitchOutcome switchOutcome = new SwitchOutcome.Switched("/dev/pts/1");

    /** Every call so far, oldest first, then forgets them. */
    public List<String> drain() {
        List<String> drained = List.copyOf(calls);
        calls.removeAll(drained);
        return drained;
    }

    private volatile JumpOutcome jumpOutcome = new JumpOutcome.NothingNeedsYou();

    /** What the next jumps answer. */
    public void answerJumpsWith(JumpOutcome outcome) {
        jumpOutcome = outcome;
    }

    @Override
    public JumpOutcome jumpNext(String clientTty) {
        calls.add("jumpNext " + clientTty);
        return jumpOutcome;
    }

    @Override
    public JumpOutcome jumpNextFrom(PaneId pane) {
        calls.add("jumpNextFrom " + pane);
        return jumpOutcome;
    }

    /** What the next index switches answer. */
    public void answerSwitchesWith(SwitchOutcome outcome) {
        switchOutcome = outcome;
    }

    @Override
    public void toggle(ClientContext context) {
        calls.add("toggle " + wire(context));
    }

    @Override
    public void show(ClientContext context) {
        calls.add("show " + wire(context));
    }

    @Override
    public void ensure(ClientContext context) {
        calls.add("ensure " + wire(context));
    }

    @Override
    public void identified(PaneId pane) {
        calls.add("identified " + pane);
    }

    @Override
    public void refresh() {
        calls.add("refresh");
    }

    @Override
    public void focus(ClientContext context) {
        calls.add("focus " + wire(context));
    }

    @Override
    public SwitchOutcome switchFrom(PaneId pane, SessionName target) {
        calls.add("switchFrom " + pane + " " + target);
        return switchOutcome;
    }

    @Override
    public SwitchOutcome switchClientToIndex(String clientTty, int index) {
        calls.add("switchClientToIndex " + clientTty + " " + index);
        return switchOutcome;
    }

    @Override
    public void setTheme(ThemeChoice theme) {
        calls.add("setTheme " + theme);
    }

    @Override
    public void setWidth(int width) {
        calls.add("setWidth " + width);
    }

    @Override
    public void setFilter(SessionFilter filter) {
        calls.add("setFilter " + filter);
    }

    @Override
    public void setGroupCollapsed(String group, boolean collapsed) {
        calls.add("setGroupCollapsed " + group + " " + collapsed);
    }

    @Override
    public void setDetailHeight(int rows) {
        calls.add("setDetailHeight " + rows);
    }

    /** The context as tmux sends it, absent parts empty, so a test reads what the resource understood. */
    static String wire(ClientContext context) {
        return String.join("|", context.client().orElse(""),
                context.session().map(SessionName::value).orElse(""),
                context.window().map(WindowId::value).orElse(""),
                context.pane().map(PaneId::value).orElse(""),
                context.paneActive() ? "1" : "0");
    }
}
