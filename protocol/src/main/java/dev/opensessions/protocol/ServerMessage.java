package dev.opensessions.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Messages the server sends to WebSocket subscribers, tagged by {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ServerMessage.Hello.class, name = "hello"),
        @JsonSubTypes.Type(value = ServerMessage.State.class, name = "state"),
        @JsonSubTypes.Type(value = ServerMessage.Quit.class, name = "quit"),
        @JsonSubTypes.Type(value = ServerMessage.Error.class, name = "error")
})
public sealed interface ServerMessage {

    /** First frame after connecting. */
    record Hello(int protocol, String serverVersion) implements ServerMessage {

        public static Hello current() {
            return new Hello(ProtocolVersion.PROTOCOL, ProtocolVersion.SERVER);
        }
    }

    /** The full state; sent on connect and then latest-wins, each frame newer than the one before. */
    record State(StateView state) implements ServerMessage {
    }

    /** The server is shutting down. */
    record Quit() implements ServerMessage {
    }

    /** The reply to a refused command; the state is unchanged when it is sent. */
    record Error(String message) implements ServerMessage {
    }
}
