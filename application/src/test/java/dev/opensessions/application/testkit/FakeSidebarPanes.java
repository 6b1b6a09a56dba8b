package dev.opensessions.application.testkit;

import dev.opensessions.application.port.out.MultiplexerException;
import dev.opensessions.application.port.out.SidebarPanes;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.sidebar.SidebarSide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Windows a test lays out by hand, ranked as given except that the origin client's window comes first;
 * records every sidebar opened (with when), every maintain, every side docked at and every close-all. Can be
 * told to fail opens, and given the tmux option {@code @opensessions-position} (or told to fail reading it).
 */
public final class FakeSidebarPanes implements SidebarPanes {

    /** One sidebar opened: its window, its pane and {@link System#nanoTime()} when it was opened. */
    public record Opened(String window, PaneId pane, long atNanos) {
    }

    /** One maintain call. */
    public record Maintained(boolean visible, int width) {
    }

    public final List<Opened> opened = new CopyOnWriteArrayList<>();
    public final List<Maintained> maintained = new CopyOnWriteArrayList<>();
    public final List<SidebarSide> docked = new CopyOnWriteArrayList<>();
    public volatile boolean failing;
    /** The option's value, null while unset. */
    public volatile String sideOption;
    public volatile boolean sideOptionFailing;
    private final List<String> windows = new ArrayList<>();
    private final Map<String, String> clientWindows = new HashMap<>();
    private final Map<String, PaneId> sidebars = new LinkedHashMap<>();
    private int closeAlls;
    private int nextPane = 100;

    /** Adds windows, in rank order. */
    public synchronized FakeSidebarPanes window(String... ids) {
        windows.addAll(List.of(ids));
        return this;
    }

    /** Attaches a client showing the window. */
    public synchronized FakeSidebarPanes client(String tty, String window) {
        clientWindows.put(tty, window);
        return this;
    }

    /** Puts a sidebar in the window, as if one were already there. */
    public synchronized PaneId withSidebar(String window) {
        PaneId pane = PaneId.of("%" + nextPane++);
        sidebars.put(window, pane);
        return pane;
    }

    /** Closes a window, as if its last pane exited. */
    public synchronized void vanish(String window) {
        windows.remove(window);
        sidebars.remove(window);
    }

    public synchronized Map<String, PaneId> sidebars() {
        return Map.copyOf(sidebars);
    }

    public synchronized int closeAlls() {
        return closeAlls;
    }

    public List<String> openedWindows() {
        return opened.stream().map(Opened::window).toList();
    }

    @Override
    public void maintain(boolean visible, int width) {
        maintained.add(new Maintained(visible, width));
    }

    @Override
    public void dock(SidebarSide side) {
        docked.add(side);
    }

    @Override
    public Optional<String> sideOption() {
        if (sideOptionFailing) {
            throw new MultiplexerException("tmux show-options got no answer within 5000 ms", null);
        }
        return Optional.ofNullable(sideOption);
    }

    @Override
    public synchronized List<String> windows(Optional<String> originClientTty) {
        List<String> ranked = new ArrayList<>(windows);
        originClientTty.map(clientWindows::get).filter(ranked::remove).ifPresent(w -> ranked.addFirst(w));
        return ranked;
    }

    @Override
    public synchronized Optional<String> windowOf(String clientTty) {
        return Optional.ofNullable(clientWindows.get(clientTty)).filter(windows::contains);
    }

    @Override
    public synchronized Optional<PaneId> open(String windowId) {
        if (failing) {
            throw new MultiplexerException("tmux split-window got no answer within 5000 ms", null);
        }
        if (!lacksSidebar(windowId)) {
            return Optional.empty();
        }
        PaneId pane = withSidebar(windowId);
        opened.add(new Opened(windowId, pane, System.nanoTime()));
        return Optional.of(pane);
    }

    @Override
    public synchronized boolean lacksSidebar(String windowId) {
        return windows.contains(windowId) && !sidebars.containsKey(windowId);
    }

    @Override
    public synchronized void closeAll() {
        closeAlls++;
        sidebars.clear();
    }
}
