package dev.opensessions.bench;

import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.update.SidebarUpdate;
import dev.opensessions.sidebar.view.Grid;
import dev.opensessions.sidebar.view.SidebarView;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * The sidebar's pure view: one whole frame of a 26x40 pane in the first session ({@link #render}), and what
 * the pane pays for a new snapshot: the update that takes it (the list derived again) and the frame after it
 * ({@link #snapshotThenRender}).
 */
public class SidebarRenderBenchmark extends SessionsBenchmark {

    public static final int WIDTH = 26;
    public static final int HEIGHT = 40;

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
