package dev.opensessions.server;

import dev.opensessions.adapters.http.AgentDiagnosticsView;
import dev.opensessions.protocol.AgentView;
import dev.opensessions.protocol.ClientMessage;
import dev.opensessions.protocol.ClientView;
import dev.opensessions.protocol.LinkView;
import dev.opensessions.protocol.LogView;
import dev.opensessions.protocol.MetadataView;
import dev.opensessions.protocol.ProgressView;
import dev.opensessions.protocol.ServerMessage;
import dev.opensessions.protocol.SessionView;
import dev.opensessions.protocol.StateView;
import dev.opensessions.protocol.WaitStatsView;
import dev.opensessions.protocol.StatusView;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The one list of the types the server hands to Jackson by hand (an {@code ObjectMapper} call rather than a REST
 * or WebSocket signature, which Quarkus registers itself). A native image keeps a class's constructors, fields
 * and accessors only when they are registered; without this, every WebSocket frame of a native build came out
 * as {@code {"type":"state"}} with no fields. {@code NativeReadinessTest} finds the call sites and fails when a
 * type given to Jackson, or one it holds, is missing here.
 */
@RegisterForReflection(targets = {
        ServerMessage.class, ServerMessage.Hello.class, ServerMessage.State.class, ServerMessage.Quit.class,
        ServerMessage.Error.class, ServerMessage.Subscribed.class, ServerMessage.Transition.class,
        ClientMessage.class, ClientMessage.Subscribe.class, ClientMessage.HideSession.class, ClientMessage.ShowAllSessions.class,
        ClientMessage.ReorderSession.class,
        StateView.class, SessionView.class, ClientView.class, MetadataView.class, StatusView.class,
        ProgressView.class, LogView.class, LinkView.class, AgentView.class,
        AgentDiagnosticsView.class, AgentDiagnosticsView.Row.class,
        // Returned inside a Response by /api/stats, so Quarkus does not see the type in the signature.
        WaitStatsView.class, WaitStatsView.Figures.class
})
final class NativeReflection {

    private NativeReflection() {
    }
}
