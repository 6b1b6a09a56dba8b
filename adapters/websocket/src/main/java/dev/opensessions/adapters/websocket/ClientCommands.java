package dev.opensessions.adapters.websocket;

import dev.opensessions.protocol.WireText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opensessions.application.port.in.HideSessionUseCase;
import dev.opensessions.application.port.in.LimitExceeded;
import dev.opensessions.application.port.in.ReorderOutcome;
import dev.opensessions.application.port.in.ReorderSessionUseCase;
import dev.opensessions.application.port.in.ShowAllSessionsUseCase;
import dev.opensessions.application.security.ControlToken;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.protocol.ClientMessage;
import dev.opensessions.protocol.ServerMessage;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Decodes a subscriber's command frame, validates it and calls the matching use case; anything malformed
 * is answered with an error and changes nothing. Every command changes state, so it needs the control
 * token: in the connection's handshake ({@code Authorization: Bearer}, for scripts) or in the command's own
 * {@code token} field (a browser's WebSocket cannot set that header); without it the answer is
 * {@code unauthorized}. Field types are strict: a number is not taken for a string, nor a string or a
 * fraction for a whole number.
 */
@Singleton
public class ClientCommands {

    /** Commands are a few dozen bytes; a bigger frame is a mistake or an attack, refused before parsing. */
    static final int MAX_FRAME_CHARS = 16 * 1024;
    /** Moves beyond this are not a UI gesture; refusing them also keeps {@code index + delta} from overflowing. */
    static final int MAX_DELTA = 1000;

    private final ObjectMapper mapper;
    private final HideSessionUseCase hide;
    private final ShowAllSessionsUseCase showAll;
    private final ReorderSessionUseCase reorder;
    private final ControlToken token;

    public ClientCommands(ObjectMapper mapper, HideSessionUseCase hide, ShowAllSessionsUseCase showAll,
            ReorderSessionUseCase reorder, ControlToken token) {
        this.mapper = strict(mapper);
        this.token = token;
        this.hide = hide;
        this.showAll = showAll;
        this.reorder = reorder;
    }

    /**
     * Runs one command frame of a connection, {@code authorized} when its handshake carried the token; the
     * error to send back when refused.
     */
    public Optional<ServerMessage.Error> handle(String frame, boolean authorized) {
        if (frame.length() > MAX_FRAME_CHARS) {
            return error("command too large");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(frame);
        } catch (JsonProcessingException invalid) {
            return error("invalid json");
        }
        if (tree == null || !tree.isObject()) {
            return error("expected a json object");
        }
        JsonNode presented = ((ObjectNode) tree).remove("token");
        if (!authorized && !(presented != null && presented.isTextual() && token.matches(presented.asText()))) {
            return error("unauthorized: commands need the control token, in the handshake"
                    + " (Authorization: Bearer <token>) or in the command's token field");
        }
        if (!tree.path("type").isTextual()) {
            return error("missing type");
        }
        try {
            return run(mapper.treeToValue(tree, ClientMessage.class));
        } catch (InvalidTypeIdException unknown) {
            return error("unknown type: " + tree.get("type").asText());
        } catch (JsonProcessingException invalid) {
            return error("invalid fields for " + tree.get("type").asText());
        }
    }

    private Optional<ServerMessage.Error> run(ClientMessage message) {
        return switch (message) {
            case ClientMessage.HideSession(String name) -> hide(name);
            case ClientMessage.ShowAllSessions() -> {
                showAll.showAll();
                yield Optional.empty();
            }
            case ClientMessage.ReorderSession(String name, Integer delta) -> reorder(name, delta);
            // Taken by the endpoint before this point (SubscribeCommand): it changes the connection, not the state.
            case ClientMessage.Subscribe subscribe -> error("subscribe is handled by the connection");
        };
    }

    private Optional<ServerMessage.Error> hide(String name) {
        Optional<String> invalid = session(name);
        if (invalid.isPresent()) {
            return invalid.map(ServerMessage.Error::new);
        }
        try {
            hide.hide(SessionName.of(name));
        } catch (LimitExceeded exceeded) {
            return error(exceeded.getMessage());
        }
        return Optional.empty();
    }

    private Optional<ServerMessage.Error> reorder(String name, Integer delta) {
        Optional<String> invalid = session(name);
        if (invalid.isPresent()) {
            return invalid.map(ServerMessage.Error::new);
        }
        if (delta == null) {
            return error("missing delta");
        }
        if (Math.abs(delta) > MAX_DELTA) {
            return error("delta out of range");
        }
        return switch (reorder.reorder(SessionName.of(name), delta)) {
            case ReorderOutcome.Reordered() -> Optional.empty();
            case ReorderOutcome.UnknownSession() -> error("unknown session: " + name);
        };
    }

    /** Why a session name cannot be used, if it cannot. */
    private static Optional<String> session(String name) {
        if (name == null) {
            return Optional.of("missing name");
        }
        try {
            SessionName.of(name);
            // The domain refuses C0 controls; C1 controls and lone surrogates are refused here as well.
            if (name.chars().anyMatch(Character::isISOControl)) {
                return Optional.of("invalid session: session name contains a control character");
            }
            if (WireText.hasLoneSurrogate(name)) {
                return Optional.of("invalid session: session name contains a lone surrogate");
            }
            return Optional.empty();
        } catch (IllegalArgumentException invalid) {
            return Optional.of("invalid session: " + invalid.getMessage());
        }
    }

    /** A copy of the mapper that converts no scalar into another: {@code "1"} and {@code 1.5} are no int. */
    private static ObjectMapper strict(ObjectMapper mapper) {
        ObjectMapper strict = mapper.copy()
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        strict.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return strict;
    }

    private static Optional<ServerMessage.Error> error(String message) {
        return Optional.of(new ServerMessage.Error(message));
    }
}
