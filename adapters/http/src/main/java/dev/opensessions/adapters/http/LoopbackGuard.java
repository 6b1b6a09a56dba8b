package dev.opensessions.adapters.http;

import dev.opensessions.application.security.LoopbackPolicy;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;

/**
 * Refuses, on every route before any routing, what a web page could forge against a loopback server
 * (docs/explanation/architecture.md#security): a foreign {@code Host} (DNS rebinding), a cross-site {@code Origin}, and
 * POST bodies that are not JSON (a form post needs no CORS preflight, a JSON one does) except on the token-guarded
 * control paths.
 */
@ApplicationScoped
public class LoopbackGuard {

    /** Ahead of Quarkus's own filters, so nothing else sees a refused request. */
    static final int PRIORITY = 10_000;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        int port = request.localAddress().port();
        if (!LoopbackPolicy.allowsHost(host(request), port)) {
            refuse(context, 403, "forbidden host");
        } else if (!LoopbackPolicy.allowsOrigin(request.getHeader(HttpHeaders.ORIGIN), port)) {
            refuse(context, 403, "forbidden origin");
        } else if (request.method() == HttpMethod.POST && !tokenGuarded(context) && !acceptableBody(request)) {
            refuse(context, 415, "expected application/json");
        } else {
            context.next();
        }
    }

    /** The Host header, or on HTTP/2 (which carries no Host header) the {@code :authority} it replaces. */
    static String host(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.HOST);
        if (header != null || request.version() != HttpVersion.HTTP_2) {
            return header;
        }
        HostAndPort authority = request.authority();
        if (authority == null) {
            return null;
        }
        String host = authority.host().contains(":") && !authority.host().startsWith("[")
                ? "[" + authority.host() + "]" : authority.host();
        return authority.port() < 0 ? host : host + ":" + authority.port();
    }

    /**
     * The control endpoints take the tmux context as curl's form-encoded {@code -d} body. A forged form
     * post cannot carry the {@code Authorization} header they demand, so the JSON rule is not needed there.
     */
    static boolean tokenGuarded(RoutingContext context) {
        return ControlResource.FORM_PATHS.contains(context.normalizedPath());
    }

    /** No body at all, as in {@code POST /quit}, or a JSON media type with any parameters (charset). */
    static boolean acceptableBody(HttpServerRequest request) {
        return !hasBody(request) || isJson(request);
    }

    /** A JSON media type with any parameters (charset). */
    static boolean isJson(HttpServerRequest request) {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return mediaType.trim().toLowerCase(Locale.ROOT).equals("application/json");
    }

    /**
     * Whether the request announces a body: a non-zero {@code Content-Length} or a chunked one; on HTTP/2,
     * which needs neither, a POST, PUT or PATCH whose stream is still open.
     */
    static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.trim().equals("0");
        }
        if (request.version() == HttpVersion.HTTP_2) {
            HttpMethod method = request.method();
            return !request.isEnded()
                    && (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH);
        }
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private static void refuse(RoutingContext context, int status, String reason) {
        context.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8")
                .end(reason);
    }
}
