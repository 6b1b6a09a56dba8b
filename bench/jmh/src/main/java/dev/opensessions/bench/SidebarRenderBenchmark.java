package dev.opensessions.bench;

import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.update.SidebarUpdate;
import dev.opensessions.sidebar.view.Grid;
import dev.opensessions.sidebar.view.SidebarView;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The sidebar's pure view: one whole frame of a 26x40 pane in the first session ({@link #render}), and what
 * the pane pays for a new snapshot: the update that takes it (the list derived again) and the frame after it
 * ({@link #snapshotThenRender}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SidebarRenderBenchmark {

    public static final int WIDTH = 26;
    public static final int HEIGHT = 40;

    @Param({"20", "200"})
    int sessions;

    private SidebarState state;
    private SidebarState following;
    private StateSnapshot base;
    private long version;

    @Setup
    public void setUp() {
        base = BenchWorld.snapshot(sessions);
        state = SidebarState.initial(BenchWorld.sidebarOf(1), WIDTH, HEIGHT, base);
        following = state;
        version = base.version();
    }

    @Benchmark
    public Grid render() {
        return SidebarView.render(state);
    }

    @Benchmark
    public Grid snapshotThenRender() {
        StateSnapshot next = new StateSnapshot(++version, base.takenAt(), base.topology(), base.order(), base.agents(),
                base.metadata(), base.sidebar(), base.presence());
        following = SidebarUpdate.update(following, new Msg.Snapshot(next)).state();
        return SidebarView.render(following);
    }
}
