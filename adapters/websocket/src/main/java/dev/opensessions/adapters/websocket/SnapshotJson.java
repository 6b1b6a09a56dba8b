package dev.opensessions.adapters.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.protocol.ServerMessage;
import dev.opensessions.protocol.StateViews;
import jakarta.inject.Singleton;

import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serializes server frames; keeps the last snapshot version's state frame so that many subscribers
 * receiving the same version cost one serialization.
 */
@Singleton
public class SnapshotJson {

    private final ObjectMapper mapper;
    private final AtomicLong serializations = new AtomicLong();
    private long cachedVersion = -1;
    private String cachedJson;

    public SnapshotJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The {@code state} frame of a snapshot. */
    public String state(StateSnapshot snapshot) {
        // Subscribers of one version flush together; the lock makes the first one serialize and the rest reuse it.
        synchronized (this) {
            if (snapshot.version() == cachedVersion) {
                return cachedJson;
            }
            String json = write(new ServerMessage.State(StateViews.of(snapshot)));
            serializations.incrementAndGet();
            // A slow client may still ask for an older version; it must not evict the newest one.
            if (snapshot.version() > cachedVersion) {
                cachedVersion = snapshot.version();
                cachedJson = json;
            }
            return json;
        }
    }

    /** How many state frames were serialized since start (a diagnostic of the cache's worth). */
    public long serializations() {
        return serializations.get();
    }

    /** Any wire record as JSON. */
    public String write(Object message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialize " + message.getClass().getSimpleName(), e);
        }
    }
}
