package dev.opensessions.adapters.http;

import dev.opensessions.application.security.LoopbackPolicy;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * Refuses, on every route before any routing, what a web page could forge against a loopback server
 * (docs/explanation/architecture.md#security): a foreign {@code Host} (DNS rebinding), a cross-site {@code Origin}, and
 * POST bodies that are not JSON (a form post needs no CORS preflight, a JSON one does) except on the token-guarded
 * control paths. The agent-event paths are routed ahead of the filters and call {@link #admits} themselves
 * (docs/adr/0036); it is a singleton, so that call goes through no client proxy.
 */
@Singleton
public class LoopbackGuard {

    /** Ahead of Quarkus's own filters, so nothing else sees a refused request. */
    static final int PRIORITY = 10_000;

    private static final String JSON = "application/json";

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    /** The Host texts of the port the server listens on, made once rather than per request. */
    private volatile OurHosts ourHosts = new OurHosts(-1);

    void check(RoutingContext context) {
        if (admits(context)) {
            context.next();
        }
    }

    /**
     * Whether the request passes every rule; a request that does not is answered here. The common request (a
     * loopback Host spelled as clients send it, no Origin, a JSON body) is told without copying a header.
     */
    boolean admits(RoutingContext context) {
        HttpServerRequest request = context.request();
        int port = request.localAddress().port();
        String host = host(request);
        if (!ourHosts(port).contains(host) && !LoopbackPolicy.allowsHost(host, port)) {
            refuse(context, 403, "forbidden host");
            return false;
        }
        if (!LoopbackPolicy.allowsOrigin(request.getHeader(HttpHeaders.ORIGIN), port)) {
            refuse(context, 403, "forbidden origin");
            return false;
        }
        if (request.method() == HttpMethod.POST && !tokenGuarded(context) && !acceptableBody(request)) {
            refuse(context, 415, "expected application/json");
            return false;
        }
        return true;
    }

    private OurHosts ourHosts(int port) {
        OurHosts hosts = ourHosts;
        if (hosts.port != port) {
            hosts = new OurHosts(port);
            ourHosts = hosts;
        }
        return hosts;
    }

    /** {@code 127.0.0.1:port}, {@code localhost:port} and {@code [::1]:port} exactly: other spellings ask the policy. */
    private record OurHosts(int port, String ipv4, String name, String ipv6) {

        OurHosts(int port) {
            this(port, "127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
        }

        boolean contains(String host) {
            return ipv4.equals(host) || name.equals(host) || ipv6.equals(host);
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
        if (contentType.equals(JSON)) {
            return true;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return mediaType.trim().toLowerCase(Locale.ROOT).equals(JSON);
    }

    /**
     * Whether the request announces a body: a non-zero {@code Content-Length} or a chunked one; on HTTP/2,
     * which needs neither, a POST, PUT or PATCH whose stream is still open.
     */
    static boolean hasBody(HttpServerRequest request) {
        return hasBody(request, request.getHeader(HttpHeaders.CONTENT_LENGTH));
    }

    /** {@link #hasBody(HttpServerRequest)} with the {@code Content-Length} the caller has read already. */
    static boolean hasBody(HttpServerRequest request, String length) {
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
