package dev.opensessions.adapters.http;

import dev.opensessions.application.port.in.CommitOutcome;
import dev.opensessions.application.port.in.CommitWritesUseCase;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Answers a write only once it is durable: {@code 507} up front while the state store cannot write (a
 * full disk; nothing is changed), else the change is applied and its answer sent after the commit, or
 * {@code 507} when that commit fails. Never blocks the calling thread.
 */
@ApplicationScoped
public class Acknowledgements {

    static final int INSUFFICIENT_STORAGE = 507;

    private final CommitWritesUseCase commits;

    public Acknowledgements(CommitWritesUseCase commits) {
        this.commits = commits;
    }

    /** Applies the write (which names its answer) and completes with that answer once it is committed. */
    CompletionStage<Response> afterCommit(Supplier<Response> write) {
        Optional<CommitOutcome.NotStored> refused = commits.refusal();
        if (refused.isPresent()) {
            return java.util.concurrent.CompletableFuture.completedFuture(notStored(refused.get()));
        }
        Response answer = write.get();
        return commits.committed().thenApply(outcome -> switch (outcome) {
            case CommitOutcome.Committed committed -> answer;
            case CommitOutcome.NotStored notStored -> notStored(notStored);
        });
    }

    /** The body {@link RequestGate} read into memory; empty when the request had none. */
    static byte[] body(RoutingContext context) {
        Buffer body = context.getBody();
        return body == null ? new byte[0] : body.getBytes();
    }

    private static Response notStored(CommitOutcome.NotStored notStored) {
        return Response.status(INSUFFICIENT_STORAGE).type(Replies.TEXT).entity(reason(notStored)).build();
    }

    /** The body of a {@code 507}. */
    static String reason(CommitOutcome.NotStored notStored) {
        return notStored.diskFull() ? "disk full: not stored" : "state store failing: not stored";
    }
}
