package dev.opensessions.sidebar.runtime;

import dev.opensessions.bench.BenchWorld;
import dev.opensessions.bench.SessionsBenchmark;
import dev.opensessions.bench.SidebarRenderBenchmark;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.view.Grid;
import dev.opensessions.sidebar.view.SidebarView;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * The ANSI diff of two sidebar frames ({@link FrameRenderer}, package-private, hence this package): a
 * spinner tick (a few cells change) and a focus move (list highlight and detail panel change), each
 * alternating between its two frames; a whole pane update, view render plus diff; and what a pane pays for one
 * spinner tick as its runtime does it (update, the frame made from the shown one, its bytes). The spinner tick is
 * taken in the pane of the fifth session, whose running agent spins in the detail panel (the first
 * session's agents are done and waiting, so its frame does not change with the spinner).
 */
public class FrameDiffBenchmark extends SessionsBenchmark {

    private final FrameRenderer spinner = new FrameRenderer();
    private final FrameRenderer focus = new FrameRenderer();
    private final FrameRenderer pane = new FrameRenderer();
    private Grid still;
    private Grid spinningStill;
    private Grid ticked;
    private Grid moved;
    private final FrameRenderer ticking = new FrameRenderer();
    private final SidebarProgram program = new SidebarProgram();
    private SidebarState[] states;
    private SidebarState tickState;
    private Grid tickFrame;
    private long tickAt;
    private long i;

    @Setup
    public void setUp() {
        SidebarState state = SidebarState.initial(BenchWorld.sidebarOf(1), SidebarRenderBenchmark.WIDTH,
                SidebarRenderBenchmark.HEIGHT, BenchWorld.snapshot(sessions));
        SidebarState next = state.withSpinnerFrame(1);
        SidebarState other = state.withFocus(BenchWorld.name(2));
        SidebarState spinning = SidebarState.initial(BenchWorld.sidebarOf(5), SidebarRenderBenchmark.WIDTH,
                SidebarRenderBenchmark.HEIGHT, state.snapshot());
        spinningStill = SidebarView.render(spinning);
        ticked = SidebarView.render(spinning.withSpinnerFrame(1));
        if (spinningStill.equals(ticked)) {
            throw new IllegalStateException("no spinner on screen: the tick benchmark would diff equal frames");
        }
        still = SidebarView.render(state);
        moved = SidebarView.render(other);
        states = new SidebarState[] {state, next};
        spinner.render(spinningStill);
        tickAt = BenchWorld.T0.toEpochMilli();
        // The first update asks for the wait figures; every tick after it changes only the time.
        tickState = program.update(spinning, new Msg.Tick(java.time.Instant.ofEpochMilli(tickAt))).state();
        tickFrame = program.view(tickState);
        ticking.render(tickFrame);
        focus.render(still);
        pane.render(still);
    }

    @Benchmark
    public byte[] diffSpinnerTick() {
        return spinner.render(++i % 2 == 0 ? spinningStill : ticked);
    }

    @Benchmark
    public byte[] diffFocusMove() {
        return focus.render(++i % 2 == 0 ? still : moved);
    }

    @Benchmark
    public byte[] spinnerTick() {
        tickAt += 120;
        SidebarState next = program.update(tickState, new Msg.Tick(java.time.Instant.ofEpochMilli(tickAt))).state();
        Grid frame = program.view(next, tickState, tickFrame);
        tickState = next;
        tickFrame = frame;
        return ticking.render(frame);
    }

    @Benchmark
    public byte[] renderAndDiff() {
        return pane.render(SidebarView.render(states[(int) (++i % 2)]));
    }
}
