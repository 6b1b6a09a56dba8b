package dev.opensessions.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.protocol.ServerMessage;
import dev.opensessions.protocol.StateView;
import dev.opensessions.protocol.StateViews;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * A snapshot to its wire shape: the protocol view records alone, and the whole {@code state} frame as JSON
 * (what the WebSocket adapter serializes once per version and GET /api/state per request).
 */
public class SnapshotBenchmark extends SessionsBenchmark {

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
