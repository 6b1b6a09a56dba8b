package dev.opensessions.server.integrations;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.opensessions.protocol.ProtocolVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/opensessions wait} and {@code stats} against a server that answers as told: the exit codes
 * (0 met, 124 time up, 1 refused or down, 2 wrong arguments) and the query, each value encoded on its own.
 */
class WaitAndStatsCommandTest {

    private static final String ROW = "{\"agent\":\"codex\",\"session\":\"my app\",\"status\":\"done\"}";

    @TempDir
    Path home;
    private HttpServer server;
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> body = new AtomicReference<>(ROW);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/version", exchange -> answer(exchange, 200, ProtocolVersion.VERSION_LINE));
        server.createContext("/api/", exchange -> {
            queries.add(exchange.getRequestURI().getPath() + "?"
                    + URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8));
            answer(exchange, status.get(), body.get());
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aMetWaitPrintsTheRowAndExitsZero() throws Exception {
        ScriptRunner.Result result = run("wait", "--session", "my app", "--until", "done,error", "--agent", "codex",
                "--thread", "t1;rm -rf ~", "--timeout", "10m");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo(ROW + "\n");
        assertThat(queries).containsExactly(
                "/api/wait?session=my app&status=done,error&timeout=10m&agent=codex&thread=t1;rm -rf ~");
    }

    @Test
    void aWaitThatTimesOutExits124() throws Exception {
        status.set(408);
        body.set("timed out");

        ScriptRunner.Result result = run("wait", "--session", "api", "--until", "done", "--timeout", "1s");

        assertThat(result.exitCode()).isEqualTo(124);
        assertThat(result.stderr()).contains("no agent of api reached done within 1s");
    }

    @Test
    void aRefusedWaitExitsOneWithTheServersReason() throws Exception {
        status.set(429);
        body.set("too many waits (at most 4096)");

        ScriptRunner.Result result = run("wait", "--session", "api", "--until", "done");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("429", "too many waits (at most 4096)");
        assertThat(queries).singleElement().satisfies(q -> assertThat(q).contains("timeout=24h"));
    }

    @Test
    void aWaitWithoutAServerExitsOne() throws Exception {
        server.stop(0);

        ScriptRunner.Result result = run("wait", "--session", "api", "--until", "done");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("not running");
    }

    @Test
    void wrongArgumentsExitTwoAndAskNothing() throws Exception {
        assertThat(run("wait", "--session", "api").exitCode()).isEqualTo(2);
        assertThat(run("wait", "--session", "api", "--until", "done", "--timeout", "soon").exitCode()).isEqualTo(2);
        assertThat(run("wait", "--session", "api", "--until", "done", "extra").exitCode()).isEqualTo(2);
        assertThat(queries).isEmpty();
    }

    @Test
    void statsPrintsTheServersTableForThePeriod() throws Exception {
        body.set("SESSION WAITS\napi 2");

        ScriptRunner.Result result = run("stats", "--since", "2w");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("SESSION WAITS\napi 2\n");
        assertThat(queries).containsExactly("/api/stats?format=table&since=2w");
    }

    @Test
    void statsAsJsonAndARefusal() throws Exception {
        assertThat(run("stats", "--json").exitCode()).isZero();
        assertThat(queries).containsExactly("/api/stats?format=json");
        status.set(400);
        body.set("invalid since");

        ScriptRunner.Result refused = run("stats", "--since", "yesterday");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("invalid since");
    }

    private ScriptRunner.Result run(String... args) throws Exception {
        return new ScriptRunner(home).with("OPENSESSIONS_PORT", Integer.toString(server.getAddress().getPort()))
                .with("TMUX", "").run("bin/opensessions", "", args);
    }

    private static void answer(HttpExchange exchange, int code, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(code, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
