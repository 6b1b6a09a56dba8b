package dev.opensessions.adapters.http;

import dev.opensessions.application.port.in.ClientContext;
import dev.opensessions.application.port.in.JumpToNextUseCase;
import dev.opensessions.application.port.in.JumpToNextUseCase.JumpOutcome;
import dev.opensessions.application.port.in.RefreshUseCase;
import dev.opensessions.application.port.in.SidebarPresenceUseCase;
import dev.opensessions.application.port.in.SidebarSettingsUseCase;
import dev.opensessions.application.port.in.SwitchSessionUseCase;
import dev.opensessions.application.port.in.SwitchSessionUseCase.SwitchOutcome;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The control endpoints tmux hooks and key bindings call, each for a caller holding the control token
 * only: {@link RequestGate} answers 401 before any of these methods runs or a byte of body is read. The
 * body is the tmux context of where it happened; the answer is {@code ok}, or 400 with nothing done.
 */
@Path("/")
public class ControlResource {

    /**
     * The control endpoints that take the tmux context as the form-encoded body curl -d sends; the loopback
     * guard lets them skip the JSON rule.
     */
    static final Set<String> FORM_PATHS = Set.of("/toggle", "/show", "/focus", "/ensure-sidebar", "/switch-index",
            "/next", "/refresh", "/set-sidebar-width", "/quit");

    /** Every token-guarded path, checked by {@link RequestGate}: the form ones and the JSON-only switch by name. */
    static final Set<String> PATHS = Stream.concat(FORM_PATHS.stream(), Stream.of("/switch-session"))
            .collect(Collectors.toUnmodifiableSet());

    static final int MAX_INDEX = 99;

    private final SidebarPresenceUseCase presence;
    private final RefreshUseCase refresh;
    private final SwitchSessionUseCase switchSession;
    private final SidebarSettingsUseCase settings;
    private final JumpToNextUseCase jump;

    public ControlResource(SidebarPresenceUseCase presence, RefreshUseCase refresh, SwitchSessionUseCase switchSession,
                           SidebarSettingsUseCase settings, JumpToNextUseCase jump) {
        this.jump = jump;
        this.presence = presence;
        this.refresh = refresh;
        this.switchSession = switchSession;
        this.settings = settings;
    }

    @POST
    @Path("toggle")
    public Response toggle(byte[] body) {
        return withContext(body, presence::toggle);
    }

    /** Shows the sidebars in every window, whatever they were: a key press that just started the server. */
    @POST
    @Path("show")
    public Response show(byte[] body) {
        return withContext(body, presence::show);
    }

    @POST
    @Path("ensure-sidebar")
    public Response ensureSidebar(byte[] body) {
        return withContext(body, presence::ensure);
    }

    @POST
    @Path("focus")
    public Response focus(byte[] body) {
        return withContext(body, refresh::focus);
    }

    /** Hooks post their context here too ({@code session-created}); a refresh does not need it. */
    @POST
    @Path("refresh")
    public Response refresh() {
        refresh.refresh();
        return Replies.ok("ok");
    }

    /** Switches the context's client; an index naming no listed session is a no-op, as in the reference. */
    @POST
    @Path("switch-index")
    public Response switchIndex(@QueryParam("index") String index, byte[] body) {
        int position = number(index, 1, MAX_INDEX, "missing index");
        ClientContext context = ControlContext.parse(body);
        SwitchOutcome outcome = context.client()
                .map(tty -> switchSession.switchClientToIndex(tty, position))
                .orElseGet(SwitchOutcome.NoClient::new);
        return switch (outcome) {
            case SwitchOutcome.Switched switched -> Replies.ok("ok");
            case SwitchOutcome.OutOfRange outOfRange -> Replies.ok("ok");
            case SwitchOutcome.UnknownSession unknown -> Replies.ok("ok");
            case SwitchOutcome.NoClient noClient -> Replies.ok("ok");
            case SwitchOutcome.Failed failed -> Replies.text(Response.Status.INTERNAL_SERVER_ERROR, "switch failed");
        };
    }

    /**
     * Jumps the context's client to the next agent that needs the user (docs/reference/http-api.md#next). The
     * answer's text says where, for the key binding's script to show: {@code session<TAB>thread<TAB>left}, or
     * {@code nothing needs you}, or {@code no client}.
     */
    @POST
    @Path("next")
    public Response next(byte[] body) {
        String client = ControlContext.parse(body).client()
                .orElseThrow(() -> new InvalidRequest("the context names no client"));
        return switch (jump.jumpNext(client)) {
            case JumpOutcome.Jumped jumped -> Replies.ok(jumped.session().value() + "\t" + jumped.thread().value()
                    + "\t" + jumped.left());
            case JumpOutcome.NothingNeedsYou none -> Replies.ok("nothing needs you");
            case JumpOutcome.NoClient none -> Replies.ok("no client");
            case JumpOutcome.Failed failed -> Replies.text(Response.Status.INTERNAL_SERVER_ERROR, "jump failed");
        };
    }

    /**
     * Sets the one fixed sidebar width (docs/reference/sidebar.md#one-fixed-width); the use case clamps it to the
     * slider's range.
     */
    @POST
    @Path("set-sidebar-width")
    public Response setSidebarWidth(    @QueryParam("width") String width) {
        settings.setWidth(number(width, 1, 999, "missing width"));
        return Replies.ok("ok");
    }

    private Response withContext(byte[] body, Consumer<ClientContext> action) {
        action.accept(ControlContext.parse(body));
        return Replies.ok("ok");
    }

    /** A decimal whole number within the range, or a 400 with the given reason. */
    private static int number(String text, int min, int max, String reason) {
        if (text == null || !text.matches("[0-9]{1,3}")) {
            throw new InvalidRequest(reason);
        }
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
            throw new InvalidRequest(reason);
        }
        return value;
    }
}
