package dev.opensessions.adapters.agents.plugin;

import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.application.testkit.MutableClock;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PluginLineParserTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:20:00Z");

    private final PluginLineParser parser = new PluginLineParser(
            new AgentPlugin("gemini-watch", List.of("gemini-watch")), new MutableClock(NOW));

    @Test
    void eachFixtureLineIsAnEventOrARejectionWithItsReason() throws IOException {
        List<String> lines = fixture().lines().toList();

        assertThat(lines).hasSize(12);
        assertThat(reason(lines.get(2))).isEqualTo("invalid json");
        assertThat(reason(lines.get(3))).isEqualTo("invalid status");
        assertThat(reason(lines.get(4))).isEqualTo("missing agent");
        assertThat(reason(lines.get(5))).isEqualTo("not a JSON object");
        assertThat(reason(lines.get(6))).isEqualTo("invalid paneId");
        assertThat(reason(lines.get(7))).isEqualTo("invalid ts");
        assertThat(reason(lines.get(11))).isEqualTo("invalid json");
    }

    @Test
    void fullEventKeepsEveryField() throws IOException {
        AgentObservation event = observe(fixture().lines().toList().getFirst(), 1);

        assertThat(event.agent()).isEqualTo("gemini");
        assertThat(event.threadId()).isEqualTo("g-7f3a");
        assertThat(event.status()).isEqualTo(AgentStatus.RUNNING);
        assertThat(event.threadName()).isEqualTo("Migrer la CI vers GitHub Actions");
        assertThat(event.lastUserPrompt()).isEqualTo("porte le pipeline Jenkins 🚀");
        assertThat(event.projectDir()).isEqualTo("/home/dev/infra");
        assertThat(event.paneId()).isEqualTo(PaneId.of("%12"));
        assertThat(event.lastActivity()).isEqualTo(Instant.ofEpochMilli(1_767_261_600_000L));
        assertThat(event.endsInToolCall()).isFalse();
        assertThat(event.origin()).isEqualTo("plugin:gemini-watch");
        assertThat(event.evidence()).containsExactly("line 1 status=running");
    }

    @Test
    void sparseEventDefaultsTimeToNowAndThreadToThePluginName() throws IOException {
        AgentObservation event = observe(fixture().lines().toList().get(9), 10);

        assertThat(event.agent()).isEqualTo("cursor-agent");
        assertThat(event.threadId()).isEqualTo("gemini-watch");
        assertThat(event.status()).isEqualTo(AgentStatus.DONE);
        assertThat(event.lastUserPrompt()).isEqualTo("écris les tests e2e");
        assertThat(event.projectDir()).isEqualTo("/home/dev/web shop");
        assertThat(event.paneId()).isNull();
        assertThat(event.lastActivity()).isEqualTo(NOW);
    }

    @Test
    void emptyStringsCountAsNotGiven() {
        AgentObservation event = observe("{\"agent\":\"kimi\",\"status\":\"idle\",\"paneId\":\"\",\"threadId\":\"\"}", 3);

        assertThat(event.paneId()).isNull();
        assertThat(event.threadId()).isEqualTo("gemini-watch");
        assertThat(reason("{\"agent\":\"\",\"status\":\"idle\"}")).isEqualTo("missing agent");
        assertThat(reason("{\"agent\":\"kimi\",\"status\":\"Done\"}")).isEqualTo("invalid status");
        assertThat(reason("{\"agent\":\"kimi\",\"status\":\"done\",\"ts\":-5}")).isEqualTo("invalid ts");
    }

    @Test
    void aLineIsAReportCarryingTheSessionItNamesAndItsUnseenOverride() {
        AgentObservation named = observe("{\"agent\":\"kimi\",\"status\":\"done\",\"tmuxSession\":\"web shop ✨\","
                + "\"unseen\":false}", 4);
        AgentObservation bare = observe("{\"agent\":\"kimi\",\"status\":\"running\"}", 5);
        AgentObservation old = observe("{\"agent\":\"kimi\",\"status\":\"running\",\"session\":\"api\"}", 6);

        assertThat(named.reported()).isEqualTo(new AgentObservation.Reported(SessionName.of("web shop ✨"), false));
        assertThat(bare.reported()).isEqualTo(new AgentObservation.Reported(null, null));
        assertThat(old.reported().tmuxSession()).isEqualTo(SessionName.of("api"));
        assertThat(reason("{\"agent\":\"kimi\",\"status\":\"done\",\"unseen\":\"no\"}")).isEqualTo("invalid unseen");
    }

    private AgentObservation observe(String line, long number) {
        PluginLine parsed = parser.parse(line, number);
        assertThat(parsed).isInstanceOf(PluginLine.Observed.class);
        return ((PluginLine.Observed) parsed).observation();
    }

    private String reason(String line) {
        PluginLine parsed = parser.parse(line, 1);
        assertThat(parsed).isInstanceOf(PluginLine.Rejected.class);
        return ((PluginLine.Rejected) parsed).reason();
    }

    static String fixture() throws IOException {
        try (InputStream in = PluginLineParserTest.class.getResourceAsStream("/fixtures/plugin/events.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
