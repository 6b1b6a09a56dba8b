package dev.opensessions.server;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.notify.NotificationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class WatchedNotificationSettingsTest {

    /** Generous: the platform's watch reports within moments, on a loaded machine within seconds. */
    private static final long TOLD_SECONDS = 30;

    @TempDir
    Path config;

    @Test
    void anEditOfConfigJsonIsToldWithoutARestartAndOtherFilesAreNot() throws Exception {
        Path file = config.resolve("config.json");
        BlockingQueue<NotificationSettings> told = new LinkedBlockingQueue<>();
        try (WatchedNotificationSettings watched =
                     new WatchedNotificationSettings(file, NotificationSettings.defaults(), told::add).start()) {
            Files.writeString(config.resolve("other.json"), "{\"notifications\": false}");
            Files.writeString(file, "{\"notifications\": false}");
            await(told, NotificationSettings.off()::equals);

            Files.writeString(file, "{\"notifications\": {\"statuses\": [\"error\"]}, \"sidebarWidth\": 30}");
            await(told, settings -> settings.enabled() && settings.statuses().equals(Set.of(AgentStatus.ERROR)));

            Files.delete(file);
            await(told, NotificationSettings.defaults()::equals);
        }
    }

    /**
     * Waits for settings that match; a write may be read half done first (an empty file reads as the defaults),
     * so other settings may come before.
     */
    private static void await(BlockingQueue<NotificationSettings> told, Predicate<NotificationSettings> expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TOLD_SECONDS);
        while (true) {
            NotificationSettings next = told.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertThat(next).as("settings told in time").isNotNull();
            if (expected.test(next)) {
                return;
            }
        }
    }
}
