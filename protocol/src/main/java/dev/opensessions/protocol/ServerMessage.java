package dev.opensessions.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/** Messages the server sends to WebSocket subscribers, tagged by {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ServerMessage.Hello.class, name = "hello"),
        @JsonSubTypes.Type(value = ServerMessage.State.class, name = "state"),
        @JsonSubTypes.Type(value = ServerMessage.Quit.class, name = "quit"),
        @JsonSubTypes.Type(value = ServerMessage.Error.class, name = "error"),
        @JsonSubTypes.Type(value = ServerMessage.Subscribed.class, name = "subscribed"),
        @JsonSubTypes.Type(value = ServerMessage.Transition.class, name = "transition")
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

    /**
     * The reply to {@code subscribe}: from now on this connection receives only {@code transition} frames that
     * match this filter (null fields and an empty status list match anything), and no more {@code state}.
     */
    record Subscribed(String session, String agent, String thread, List<String> statuses) implements ServerMessage {
    }

    /**
     * One agent row's status change that matched the subscription, as it happened (not coalesced).
     *
     * @param thread the row's key ({@code agent} or {@code agent:threadId})
     * @param from   the previous status, null for a new row
     * @param at     when the row changed (its {@code ts}), epoch milliseconds
     * @param unseen whether the change left the unseen marker set
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Transition(String session, String agent, String thread, String threadId, String from, String to, long at,
                      boolean unseen, String paneId) implements ServerMessage {
    }
}
