package dev.opensessions.bench;

import dev.opensessions.sidebar.model.SidebarState;
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

/** The sidebar's pure view: one whole frame of a 26x40 pane in the first session, for every snapshot. */
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

    @Setup
    public void setUp() {
        state = SidebarState.initial(BenchWorld.sidebarOf(1), WIDTH, HEIGHT, BenchWorld.snapshot(sessions));
    }

    @Benchmark
    public Grid render() {
        return SidebarView.render(state);
    }
}
