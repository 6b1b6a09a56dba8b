package dev.opensessions.adapters.persistence;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.notify.NotificationSettings;
import dev.opensessions.domain.notify.TerminalNotification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationConfigReaderTest {

    @TempDir
    Path dir;

    private NotificationSettings read(String json) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        return new NotificationConfigReader(file).read();
    }

    @Test
    void noFileOrNoKeyMeansTheDefaults() throws IOException {
        assertThat(new NotificationConfigReader(dir.resolve("missing.json")).read())
                .isEqualTo(NotificationSettings.defaults());
        assertThat(read("{\"sidebarWidth\": 30}")).isEqualTo(NotificationSettings.defaults());
    }

    @Test
    void everyKeyIsRead() throws IOException {
        NotificationSettings settings = read("""
                {"notifications": {"enabled": true, "agents": ["codex", "claude-code"], "statuses": ["waiting", "error"],
                  "quietHours": {"from": "22:00", "to": "07:30"}, "cooldownSeconds": 5, "tmuxMessage": false,
                  "terminal": "osc777", "commandTimeoutSeconds": 3},
                 "notifyCommand": ["notify-send", "--app-name", "opensessions"]}
                """);

        assertThat(settings).isEqualTo(new NotificationSettings(true, Set.of("codex", "claude-code"),
                Set.of(AgentStatus.WAITING, AgentStatus.ERROR),
                new NotificationSettings.QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 30)), Duration.ofSeconds(5),
                false, TerminalNotification.OSC777, List.of("notify-send", "--app-name", "opensessions"),
                Duration.ofSeconds(3)));
    }

    @Test
    void falseTurnsEverythingOff() throws IOException {
        assertThat(read("{\"notifications\": false}").enabled()).isFalse();
        assertThat(read("{\"notifications\": {\"enabled\": false}}").enabled()).isFalse();
    }

    @Test
    void aBadValueFallsBackToItsDefaultAlone() throws IOException {
        NotificationSettings settings = read("""
                {"notifications": {"statuses": ["waiting", "running", 3], "cooldownSeconds": -1, "terminal": "bell",
                  "quietHours": {"from": "late"}, "tmuxMessage": "yes"},
                 "notifyCommand": "notify-send hi"}
                """);

        assertThat(settings.statuses()).containsExactly(AgentStatus.WAITING);
        assertThat(settings.cooldown()).isEqualTo(NotificationSettings.DEFAULT_COOLDOWN);
        assertThat(settings.terminal()).isEqualTo(TerminalNotification.OSC9);
        assertThat(settings.quiet()).isNull();
        assertThat(settings.tmuxMessage()).isTrue();
        assertThat(settings.command()).isEmpty();
    }

    @Test
    void aDamagedFileMeansTheDefaults() throws IOException {
        assertThat(read("{not json")).isEqualTo(NotificationSettings.defaults());
    }
}
