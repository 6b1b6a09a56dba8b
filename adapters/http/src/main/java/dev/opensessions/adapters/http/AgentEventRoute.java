package dev.opensessions.adapters.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.port.in.CommitOutcome;
import dev.opensessions.application.port.in.CommitWritesUseCase;
import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Takes agent reports pushed by hooks and plugins on {@code POST /api/agent-event} and {@code POST /event} (the
 * oldest path, still targeted by the Codex hook): {@code 204} when applied to a live session and committed, an
 * empty {@code 202} when no live session matches (accepted and dropped), {@code 400} with the reason for a bad
 * body, {@code 429} when a cap of the state would be passed, {@code 507} when the state store cannot write. A
 * plain Vert.x route on the event loop, ordered ahead of the filters, whose rules it applies itself
 * ({@link LoopbackGuard}, then {@link RequestGate}, which reads the body into memory as on every path; docs/adr/0036):
 * recording an event is an in-memory state change, and the answer is written once the group commit holds the change,
 * without holding a thread. The reports an event loop reads in one turn are recorded together, as one change of the
 * state, once the loop has handled its reads (docs/adr/0034). RESTEasy's per-request handler chain cost about a tenth
 * of the server's CPU in a burst of events (docs/adr/0022). Other methods on these paths are answered {@code 405},
 * {@code OPTIONS} with the allowed methods.
 */
@ApplicationScoped
public class AgentEventRoute {

    static final List<String> PATHS = List.of("/api/agent-event", "/event");
    /** Before {@link LoopbackGuard}'s filter, the first of the filters (Quarkus orders a filter at minus its priority). */
    static final int ORDER = -LoopbackGuard.PRIORITY - 1;
    private static final String ALLOWED = "OPTIONS, POST";

    private final RecordAgentEventUseCase recordAgentEvent;
    private final CommitWritesUseCase commits;
    /** The mapper's factory (its parser features and limits): reports are read with its streaming parser. */
    private final JsonFactory json;
    /** Per event-loop thread: the reports read in the loop's current turn (a new batch after each is recorded). */
    private static final ThreadLocal<Batch> BATCH = ThreadLocal.withInitial(Batch::new);

    private final LoopbackGuard guard;
    private final RequestGate gate;
    /** What the gate calls once a report's body is read (made once, not per request). */
    private final Handler<RoutingContext> afterBody = this::handle;

    public AgentEventRoute(RecordAgentEventUseCase recordAgentEvent, CommitWritesUseCase commits, ObjectMapper mapper,
                           LoopbackGuard guard, RequestGate gate) {
        this.recordAgentEvent = recordAgentEvent;
        this.commits = commits;
        this.json = mapper.getFactory();
        this.guard = guard;
        this.gate = gate;
    }

    /**
     * Ahead of every filter, so the router walks to nothing else for these paths: the route applies the two filters'
     * rules itself, in their order ({@link LoopbackGuard#admits}, then {@link RequestGate#admit}, which reads the
     * body), and never hands the request on (docs/adr/0036). A filter added later does not see these paths unless
     * it is called here too.
     */
    void register(@Observes Router router) {
        for (String path : PATHS) {
            router.route(path).order(ORDER).handler(this::admit);
        }
    }

    void admit(RoutingContext context) {
        if (guard.admits(context)) {
            gate.admit(context, afterBody);
        }
    }

    void handle(RoutingContext context) {
        HttpServerResponse response = context.response();
        HttpMethod method = context.request().method();
        if (method == HttpMethod.OPTIONS) {
            response.putHeader(HttpHeaders.ALLOW, ALLOWED).end();
            return;
        }
        if (method != HttpMethod.POST) {
            response.setStatusCode(405).putHeader(HttpHeaders.ALLOW, ALLOWED).end();
            return;
        }
        Optional<CommitOutcome.NotStored> refused = commits.refusal();
        if (refused.isPresent()) {
            text(response, Acknowledgements.INSUFFICIENT_STORAGE, Acknowledgements.reason(refused.get()));
            return;
        }
        RecordAgentEventUseCase.Command command;
        try {
            command = AgentEvents.command(json, Acknowledgements.body(context));
        } catch (InvalidRequest invalid) {
            text(response, 400, invalid.reason());
            return;
        }
        if (!Context.isOnEventLoopThread()) {
            // Routes run on the event loop; were this one ever called elsewhere, it records the report alone.
            Batch alone = new Batch();
            alone.add(context, command);
            record(alone);
            return;
        }
        Batch batch = BATCH.get();
        batch.add(context, command);
        if (batch.size() == 1) {
            // Runs once the event loop has handled what it read this turn: the requests read meanwhile join.
            Vertx.currentContext().runOnContext(ignored -> {
                BATCH.remove();
                record(batch);
            });
        }
    }

    /**
     * Records the reports the event loop read in one turn as one change of the state, then answers each once
     * the commit that holds them all is done: one state change, one wait for the commit and one hop back to the
     * event loop per batch, not per report.
     */
    private void record(Batch batch) {
        List<RecordAgentEventUseCase.BatchOutcome> outcomes;
        try {
            outcomes = recordAgentEvent.recordAll(batch.commands);
        } catch (RuntimeException failure) {
            batch.contexts.forEach(request -> request.fail(failure));
            return;
        }
        int[] statuses = new int[outcomes.size()];
        boolean anyTaken = false;
        for (int i = 0; i < statuses.length; i++) {
            switch (outcomes.get(i)) {
                case RecordAgentEventUseCase.Taken taken -> {
                    statuses[i] = AgentEvents.status(taken.outcome());
                    anyTaken = true;
                }
                case RecordAgentEventUseCase.Refused refused -> {
                    // A cap of the state: nothing of this report changed (as LimitExceededMapper answers elsewhere).
                    text(batch.contexts.get(i).response(), 429, refused.limit().getMessage());
                    statuses[i] = 0;
                }
            }
        }
        if (!anyTaken) {
            return;
        }
        Context loop = batch.contexts.getFirst().vertx().getOrCreateContext();
        commits.committed().whenComplete((outcome, failure) -> loop.runOnContext(written -> {
            for (int i = 0; i < statuses.length; i++) {
                if (statuses[i] != 0) {
                    answer(batch.contexts.get(i), statuses[i], outcome, failure);
                }
            }
        }));
    }

    private static void answer(RoutingContext context, int status, CommitOutcome outcome, Throwable failure) {
        HttpServerResponse response = context.response();
        if (response.closed()) {
            // The client went away while the commit ran: nobody is left to answer.
            return;
        }
        if (failure != null) {
            context.fail(failure);
        } else if (outcome instanceof CommitOutcome.NotStored notStored) {
            text(response, Acknowledgements.INSUFFICIENT_STORAGE, Acknowledgements.reason(notStored));
        } else if (!response.ended()) {
            response.setStatusCode(status);
            if (status == AgentEvents.DROPPED) {
                response.putHeader(HttpHeaders.CONTENT_LENGTH, "0");
            }
            response.end();
        }
    }

    /** The reports one event loop read and has not recorded yet; only that event loop's thread touches it. */
    private static final class Batch {

        private final List<RoutingContext> contexts = new ArrayList<>();
        private final List<RecordAgentEventUseCase.Command> commands = new ArrayList<>();

        void add(RoutingContext context, RecordAgentEventUseCase.Command command) {
            contexts.add(context);
            commands.add(command);
        }

        int size() {
            return commands.size();
        }
    }

    private static void text(HttpServerResponse response, int status, String reason) {
        if (!response.ended() && !response.closed()) {
            response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8").end(reason);
        }
    }
}
