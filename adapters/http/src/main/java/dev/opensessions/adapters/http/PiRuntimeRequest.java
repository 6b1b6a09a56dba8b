package dev.opensessions.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.port.in.RegisterPiRuntimeUseCase;
import dev.opensessions.domain.session.PaneId;

import java.time.Instant;

/**
 * Validates the JSON of {@code /api/runtime/pi/upsert} and {@code /delete}. Each route
 * refuses with one reason whatever is wrong, bad JSON included, as the reference's routes do.
 */
final class PiRuntimeRequest {

    static final String INVALID = "invalid pi runtime payload";
    static final String MISSING_PID = "missing pid";

    private PiRuntimeRequest() {
    }

    static RegisterPiRuntimeUseCase.Command registration(ObjectMapper mapper, byte[] bytes) {
        try {
            JsonBody body = JsonBody.parse(mapper, bytes);
            return new RegisterPiRuntimeUseCase.Command(
                    positive(body.field("pid"), INVALID),
                    positive(body.field("ppid"), INVALID),
                    required(body.string("sessionId")),
                    body.string("sessionFile"),
                    required(body.string("cwd")),
                    body.string("sessionName"),
                    timestamp(body.field("ts")),
                    pane(body.string("paneId")));
        } catch (InvalidRequest | IllegalArgumentException refused) {
            // Blank or over-long session ids are refused by the command itself.
            throw new InvalidRequest(INVALID);
        }
    }

    static long pid(ObjectMapper mapper, byte[] bytes) {
        try {
            return positive(JsonBody.parse(mapper, bytes).field("pid"), MISSING_PID);
        } catch (InvalidRequest refused) {
            throw new InvalidRequest(MISSING_PID);
        }
    }

    /** A JSON integer above zero: {@code 42.0}, {@code "42"} and overflowing numbers are refused. */
    private static long positive(JsonNode node, String reason) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() <= 0) {
            throw new InvalidRequest(reason);
        }
        return node.longValue();
    }

    private static String required(String text) {
        if (text == null) {
            throw new InvalidRequest(INVALID);
        }
        return text;
    }

    /** Epoch milliseconds, required; fractions are dropped, negative or overflowing values refused. */
    private static Instant timestamp(JsonNode node) {
        double value = node == null ? Double.NaN : node.doubleValue();
        if (node == null || !node.isNumber() || !Double.isFinite(value) || value < 0 || value >= Long.MAX_VALUE) {
            throw new InvalidRequest(INVALID);
        }
        return Instant.ofEpochMilli(node.canConvertToLong() ? node.longValue() : (long) value);
    }

    /** Pi outside tmux has an empty {@code $TMUX_PANE}: that means no pane, not a bad one. */
    private static PaneId pane(String text) {
        return text == null || text.isEmpty() ? null : PaneId.of(text);
    }
}
