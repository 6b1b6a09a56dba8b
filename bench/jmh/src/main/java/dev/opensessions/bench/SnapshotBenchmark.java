package dev.opensessions.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.protocol.ServerMessage;
import dev.opensessions.protocol.StateView;
import dev.opensessions.protocol.StateViews;
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
 * A snapshot to its wire shape: the protocol view records alone, and the whole {@code state} frame as JSON
 * (what the WebSocket adapter serializes once per version and GET /api/state per request).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SnapshotBenchmark {

    @Param({"20", "200"})
    int sessions;

    private StateSnapshot snapshot;
    private final ObjectMapper mapper = new ObjectMapper();

    @Setup
    public void setUp() {
        snapshot = BenchWorld.snapshot(sessions);
    }

    @Benchmark
    public StateView view() {
        return StateViews.of(snapshot);
    }

    @Benchmark
    public String stateFrameJson() throws JsonProcessingException {
        return mapper.writeValueAsString(new ServerMessage.State(StateViews.of(snapshot)));
    }
}
