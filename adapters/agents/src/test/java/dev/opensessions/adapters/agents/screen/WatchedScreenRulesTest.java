package dev.opensessions.adapters.agents.screen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The user's rule folder, watched: a file added, changed or removed is read at once, without a restart. */
class WatchedScreenRulesTest {

    private static final String KIMI = """
            {
              "agent": "kimi",
              "name": "Kimi CLI",
              "source": "written for this test",
              "process": {"names": ["kimi"]},
              "screen": {"lines": 10, "waiting": ["Approve\\\\? \\\\[y/n\\\\]"]}
            }
            """;

    @TempDir
    Path config;

    @Test
    void aRuleFileInTheUserFolderIsReadAtStart() throws IOException {
        Path folder = Files.createDirectories(config.resolve("agents"));
        Files.writeString(folder.resolve("kimi.json"), KIMI);

        try (WatchedScreenRules rules = new WatchedScreenRules(folder).start()) {
            assertThat(rules.rules()).anyMatch(rule -> rule.agent().equals("kimi"));
        }
    }

    @Test
    void aNewRuleFileIsReadWhenItAppearsEvenInAFolderMadeAfterTheStartAndItsRemovalToo() throws IOException {
        Path folder = config.resolve("agents");
        AtomicInteger told = new AtomicInteger();
        try (WatchedScreenRules rules = new WatchedScreenRules(folder).start()) {
            rules.onChange(told::incrementAndGet);
            assertThat(rules.rules()).noneMatch(rule -> rule.agent().equals("kimi"));

            Files.createDirectories(folder);
            Files.writeString(folder.resolve("kimi.json"), KIMI);
            await(() -> rules.rules().stream().anyMatch(rule -> rule.agent().equals("kimi")), "the new rule read");
            // Listeners are told right after the new rules are in place, so a moment after they are readable.
            await(() -> told.get() > 0, "the change told");

            Files.writeString(folder.resolve("kimi.json"), KIMI.replace("Kimi CLI", "Kimi"));
            await(() -> rules.rules().stream().anyMatch(rule -> rule.name().equals("Kimi")), "the changed rule read");

            Files.delete(folder.resolve("kimi.json"));
            await(() -> rules.rules().stream().noneMatch(rule -> rule.agent().equals("kimi")), "the removal read");
        }
    }

    @Test
    void aBadFileIsReportedAndTheOtherRulesStay() throws IOException {
        Path folder = Files.createDirectories(config.resolve("agents"));
        try (WatchedScreenRules rules = new WatchedScreenRules(folder).start()) {
            int shipped = rules.rules().size();

            Files.writeString(folder.resolve("broken.json"), "{ not json");

            await(() -> !rules.loaded().problems().isEmpty(), "the bad file reported");
            assertThat(rules.rules()).hasSize(shipped);
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as(what + " within 20 s").isNegative();
            Thread.onSpinWait();
        }
    }
}
