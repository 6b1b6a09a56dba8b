package dev.opensessions.server.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A stand-in opensessions server on loopback that answers every agent event 204 and keeps it for the test. */
final class EventReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_S = 10;

    /** One request as it arrived. */
    record Received(String method, String path, String contentType, JsonNode body) {
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    private EventReceiver(HttpServer server) {
        this.server = server;
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), JSON.readTree(body)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    /** Listens on a free port of the system's choosing. */
    static EventReceiver start() throws IOException {
        return new EventReceiver(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    /** Listens on this port, or throws BindException when something else holds it. */
    static EventReceiver startOn(int port) throws IOException {
        return new EventReceiver(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0));
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The next request, waiting a bounded time for it. */
    Received next() throws InterruptedException {
        Received next = received.poll(WAIT_S, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("no agent event arrived within " + WAIT_S + " s");
        }
        return next;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static boolean isTaken(IOException failure) {
        return failure instanceof BindException;
    }
}
