package dev.opensessions.adapters.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.port.in.AppendLogUseCase;
import dev.opensessions.application.port.in.ClearLogUseCase;
import dev.opensessions.application.port.in.LogCommand;
import dev.opensessions.application.port.in.NotifyUseCase;
import dev.opensessions.application.port.in.SetProgressUseCase;
import dev.opensessions.application.port.in.SetStatusUseCase;
import dev.opensessions.domain.metadata.Tone;
import dev.opensessions.domain.session.SessionName;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.util.concurrent.CompletionStage;

/**
 * Takes what scripts push onto a session: status pill, progress bar, log lines and notifications. Each is
 * answered 204 once committed to the state store ({@link Acknowledgements}), on the event loop: the body
 * is already in memory and the change is an in-memory state change.
 */
@Path("/")
public class MetadataResource {

    private final SetStatusUseCase setStatus;
    private final SetProgressUseCase setProgress;
    private final AppendLogUseCase appendLog;
    private final NotifyUseCase notifyUseCase;
    private final ClearLogUseCase clearLog;
    private final Acknowledgements acknowledgements;
    private final ObjectMapper mapper;

    public MetadataResource(SetStatusUseCase setStatus, SetProgressUseCase setProgress, AppendLogUseCase appendLog,
                            NotifyUseCase notifyUseCase, ClearLogUseCase clearLog, Acknowledgements acknowledgements,
                            ObjectMapper mapper) {
        this.setStatus = setStatus;
        this.setProgress = setProgress;
        this.appendLog = appendLog;
        this.notifyUseCase = notifyUseCase;
        this.clearLog = clearLog;
        this.acknowledgements = acknowledgements;
        this.mapper = mapper;
    }

    /** A null or empty {@code text} clears the pill. */
    @POST
    @NonBlocking
    @Path("set-status")
    public CompletionStage<Response> setStatus(RoutingContext context) {
        JsonBody body = parse(context);
        SessionName session = RequestFields.requiredSession(body);
        String text = body.string("text");
        Tone tone = RequestFields.tone(body);
        return acknowledge(() -> setStatus.setStatus(session, text, tone));
    }

    /** {@code clear: true}, or no number at all, removes the bar. */
    @POST
    @NonBlocking
    @Path("set-progress")
    public CompletionStage<Response> setProgress(RoutingContext context) {
        JsonBody body = parse(context);
        SetProgressUseCase.Command command = new SetProgressUseCase.Command(
                RequestFields.requiredSession(body),
                body.number("current"),
                body.number("total"),
                body.number("percent"),
                body.string("label"),
                Boolean.TRUE.equals(body.bool("clear")));
        return acknowledge(() -> setProgress.setProgress(command));
    }

    @POST
    @NonBlocking
    @Path("log")
    public CompletionStage<Response> log(RoutingContext context) {
        LogCommand command = logCommand(parse(context));
        return acknowledge(() -> appendLog.append(command));
    }

    @POST
    @NonBlocking
    @Path("notify")
    public CompletionStage<Response> notify(RoutingContext context) {
        LogCommand command = logCommand(parse(context));
        return acknowledge(() -> notifyUseCase.notify(command));
    }

    @POST
    @NonBlocking
    @Path("clear-log")
    public CompletionStage<Response> clearLog(RoutingContext context) {
        SessionName session = RequestFields.requiredSession(parse(context));
        return acknowledge(() -> clearLog.clearLog(session));
    }

    private JsonBody parse(RoutingContext context) {
        return JsonBody.parse(mapper, Acknowledgements.body(context));
    }

    /** 204 once the change is committed; see {@link Acknowledgements}. */
    private CompletionStage<Response> acknowledge(Runnable change) {
        return acknowledgements.afterCommit(() -> {
            change.run();
            return Replies.noContent();
        });
    }

    private static LogCommand logCommand(JsonBody body) {
        SessionName session = RequestFields.requiredSession(body);
        String message = body.string("message");
        if (message == null || message.isEmpty()) {
            throw new InvalidRequest("missing message");
        }
        Tone tone = RequestFields.tone(body);
        return new LogCommand(session, message, tone, body.string("source"));
    }
}
