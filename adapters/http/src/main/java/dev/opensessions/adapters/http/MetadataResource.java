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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** Takes what scripts push onto a session (SPEC 2.2): status pill, progress bar, log lines and notifications. */
@Path("/")
public class MetadataResource {

    private final SetStatusUseCase setStatus;
    private final SetProgressUseCase setProgress;
    private final AppendLogUseCase appendLog;
    private final NotifyUseCase notifyUseCase;
    private final ClearLogUseCase clearLog;
    private final ObjectMapper mapper;

    public MetadataResource(SetStatusUseCase setStatus, SetProgressUseCase setProgress, AppendLogUseCase appendLog,
                            NotifyUseCase notifyUseCase, ClearLogUseCase clearLog, ObjectMapper mapper) {
        this.setStatus = setStatus;
        this.setProgress = setProgress;
        this.appendLog = appendLog;
        this.notifyUseCase = notifyUseCase;
        this.clearLog = clearLog;
        this.mapper = mapper;
    }

    /** A null or empty {@code text} clears the pill. */
    @POST
    @Path("set-status")
    public Response setStatus(byte[] bytes) {
        JsonBody body = JsonBody.parse(mapper, bytes);
        SessionName session = RequestFields.requiredSession(body);
        String text = body.string("text");
        Tone tone = RequestFields.tone(body);
        setStatus.setStatus(session, text, tone);
        return Replies.noContent();
    }

    /** {@code clear: true}, or no number at all, removes the bar. */
    @POST
    @Path("set-progress")
    public Response setProgress(byte[] bytes) {
        JsonBody body = JsonBody.parse(mapper, bytes);
        SetProgressUseCase.Command command = new SetProgressUseCase.Command(
                RequestFields.requiredSession(body),
                body.number("current"),
                body.number("total"),
                body.number("percent"),
                body.string("label"),
                Boolean.TRUE.equals(body.bool("clear")));
        setProgress.setProgress(command);
        return Replies.noContent();
    }

    @POST
    @Path("log")
    public Response log(byte[] bytes) {
        appendLog.append(logCommand(JsonBody.parse(mapper, bytes)));
        return Replies.noContent();
    }

    @POST
    @Path("notify")
    public Response notify(byte[] bytes) {
        notifyUseCase.notify(logCommand(JsonBody.parse(mapper, bytes)));
        return Replies.noContent();
    }

    @POST
    @Path("clear-log")
    public Response clearLog(byte[] bytes) {
        clearLog.clearLog(RequestFields.requiredSession(JsonBody.parse(mapper, bytes)));
        return Replies.noContent();
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
