package dev.opensessions.server.integrations;

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

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bin/opensessions explain [session]} asks the server of this tmux why its agent rows are what they are. */
class ExplainCommandTest {

    private static final String EXPLANATION = "{\"sessions\":[{\"session\":\"api\",\"agents\":[{\"agent\":\"claude-code\","
            + "\"status\":\"waiting\",\"evidence\":[\"assistant tool_use Bash\",\"idle 3 s → waiting\"]}]}]}";

    @TempDir
    Path home;
    private HttpServer server;
    private final List<String> queries = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/version", exchange -> answer(exchange, ProtocolVersion.VERSION_LINE));
        server.createContext("/debug/agents", exchange -> {
            queries.add(String.valueOf(exchange.getRequestURI().getRawQuery()));
            answer(exchange, EXPLANATION);
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void printsEverySessionsExplanationReadably() throws Exception {
        ScriptRunner.Result result = explain();

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("\n  \"sessions\": [", "\"idle 3 s → waiting\"");
        assertThat(queries).containsExactly("null");
    }

    @Test
    void asksForOneSessionWithItsNameEncoded() throws Exception {
        explain("my app&x=1");

        assertThat(queries).hasSize(1);
        assertThat(URLDecoder.decode(queries.get(0), StandardCharsets.UTF_8)).isEqualTo("session=my app&x=1");
    }

    @Test
    void saysSoWhenNoServerRuns() throws Exception {
        server.stop(0);

        ScriptRunner.Result result = explain();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("not running");
    }

    private ScriptRunner.Result explain(String... session) throws Exception {
        String[] args = session.length == 0 ? new String[] {"explain"} : new String[] {"explain", session[0]};
        return new ScriptRunner(home).with("OPENSESSIONS_PORT", Integer.toString(server.getAddress().getPort()))
                .run("bin/opensessions", "", args);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
