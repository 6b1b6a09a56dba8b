package dev.opensessions.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Commands a WebSocket subscriber sends, tagged by {@code type}. Fields are left nullable on purpose: the
 * adapter validates them, so a missing field becomes an error frame instead of a decoding failure.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ClientMessage.HideSession.class, name = "hide-session"),
        @JsonSubTypes.Type(value = ClientMessage.ShowAllSessions.class, name = "show-all-sessions"),
        @JsonSubTypes.Type(value = ClientMessage.ReorderSession.class, name = "reorder-session"),
        @JsonSubTypes.Type(value = ClientMessage.Subscribe.class, name = "subscribe")
})
// Newer clients may add fields (a request id, say); an older server ignores them instead of failing.
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface ClientMessage {

    /** Adds a session to the hidden set. */
    record HideSession(String name) implements ClientMessage {
    }

    /** Clears the hidden set. */
    record ShowAllSessions() implements ClientMessage {
    }

    /** Moves a displayed session by {@code delta} places (negative is up). */
    record ReorderSession(String name, Integer delta) implements ClientMessage {
    }

    /**
     * Receive only the status changes of matching agent rows, instead of the state: {@code status} is
     * comma-separated wire names ({@code "done,error"}); an absent field matches anything. Needs no token.
     */
    record Subscribe(String session, String agent, String thread, String status) implements ClientMessage {
    }
}
