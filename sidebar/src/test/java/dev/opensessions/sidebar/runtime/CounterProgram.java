package dev.opensessions.sidebar.runtime;

import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.Step;
import dev.opensessions.sidebar.view.Cell;
import dev.opensessions.sidebar.view.CellStyle;
import dev.opensessions.sidebar.view.Color;
import dev.opensessions.sidebar.view.Grid;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny program for runtime tests: counts keys, names the last one, counts ticks while animating, shows
 * its pane and size. {@code q} asks to quit the server, {@code s} to switch, {@code a} toggles animation,
 * {@code b} holds the pane's loop until the test opens {@link #gate}, Ctrl-C closes the pane. Every message
 * it receives is recorded, and every view counted.
 */
final class CounterProgram implements PaneProgram<CounterProgram.State> {

    record State(PaneId pane, int width, int height, int keys, String last, boolean animating, int ticks) {
    }

    static final CellStyle TITLE = CellStyle.PLAIN.withForeground(Color.Rgb.hex("#ff8800")).withBold(true);

    final List<Msg> received = new CopyOnWriteArrayList<>();
    /** When each state reached the program ({@link System#nanoTime()}), and its version. */
    final List<long[]> snapshotsAt = new CopyOnWriteArrayList<>();
    final AtomicInteger views = new AtomicInteger();
    final CountDownLatch gate = new CountDownLatch(1);

    @Override
    public State initial(PaneContext context) {
        return new State(context.pane(), context.width(), context.height(), 0, "none", false, 0);
    }

    @Override
    public Step<State> update(State s, Msg msg) {
        received.add(msg);
        if (msg instanceof Msg.Snapshot snapshot) {
            snapshotsAt.add(new long[] {System.nanoTime(), snapshot.snapshot().version()});
        }
        return switch (msg) {
            case Msg.KeyPressed(Key key) when key.ctrl() && key.codePoint() == 'c' -> Step.of(s, new Effect.ClosePane());
            case Msg.KeyPressed(Key key) when key.is('q') -> Step.of(s, new Effect.QuitServer());
            case Msg.KeyPressed(Key key) when key.is('s') -> Step.of(s, new Effect.SwitchSession(SessionName.of("work")));
            case Msg.KeyPressed(Key key) when key.is('b') -> {
                await();
                yield Step.of(s);
            }
            case Msg.KeyPressed(Key key) when key.is('a') ->
                    Step.of(new State(s.pane(), s.width(), s.height(), s.keys(), s.last(), !s.animating(), s.ticks()));
            case Msg.KeyPressed(Key key) ->
                    Step.of(new State(s.pane(), s.width(), s.height(), s.keys() + 1, name(key), s.animating(), s.ticks()));
            case Msg.Tick tick ->
                    Step.of(new State(s.pane(), s.width(), s.height(), s.keys(), s.last(), s.animating(), s.ticks() + 1));
            case Msg.Resized(int width, int height) ->
                    Step.of(new State(s.pane(), width, height, s.keys(), s.last(), s.animating(), s.ticks()));
            case Msg.Mouse mouse -> Step.of(s);
            case Msg.Snapshot snapshot -> Step.of(s);
            case Msg.Timer timer -> Step.of(s);
            case Msg.ProjectsListed listed -> Step.of(s);
            case Msg.Told told -> Step.of(s);
            case Msg.WaitsLoaded loaded -> Step.of(s);
            case Msg.PeerFocus peer -> Step.of(s);
        };
    }

    @Override
    public Grid view(State s) {
        views.incrementAndGet();
        Grid.Builder grid = Grid.blank(s.width(), s.height()).toBuilder();
        write(grid, 0, "pane=" + s.pane().value(), TITLE);
        write(grid, 1, "keys=" + s.keys(), CellStyle.PLAIN);
        write(grid, 2, "last=" + s.last(), CellStyle.PLAIN);
        write(grid, 3, "ticks=" + s.ticks(), CellStyle.PLAIN);
        write(grid, 4, "size=" + s.width() + "x" + s.height(), CellStyle.PLAIN);
        return grid.build();
    }

    @Override
    public boolean animating(State s, Grid frame) {
        return s.animating();
    }

    List<Key> keys() {
        return received.stream().filter(Msg.KeyPressed.class::isInstance).map(m -> ((Msg.KeyPressed) m).key()).toList();
    }

    static String name(Key key) {
        String base = key.kind() == dev.opensessions.sidebar.model.KeyKind.CHAR ? Character.toString(key.codePoint()) : key.kind().name();
        return (key.ctrl() ? "C-" : "") + (key.alt() ? "M-" : "") + base;
    }

    private void await() {
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(Grid.Builder grid, int row, String text, CellStyle style) {
        for (int i = 0; i < text.length(); i++) {
            grid.set(i, row, new Cell(String.valueOf(text.charAt(i)), style));
        }
    }
}
