package dev.opensessions.application.service;

import dev.opensessions.application.port.in.LimitExceeded;
import dev.opensessions.application.port.in.LogCommand;
import dev.opensessions.application.port.in.SetProgressUseCase;
import dev.opensessions.domain.metadata.SessionMetadata;
import dev.opensessions.domain.metadata.Tone;
import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionMetadataServiceTest {

    private static final SessionName APP = SessionName.of("my-app");
    private final Harness h = new Harness();

    private SessionMetadata metadata() {
        return h.owner.current().metadataOf(APP);
    }

    @Test
    void metadataIsKeptForASessionThatDoesNotExistYet() {
        h.metadata.setStatus(APP, "Deploying", Tone.WARN);
        h.metadata.setProgress(new SetProgressUseCase.Command(APP, 3.0, 10.0, null, "services", false));
        h.metadata.append(new LogCommand(APP, "Tests passed", Tone.SUCCESS, "ci"));

        assertThat(h.owner.current().topology().contains(APP)).isFalse();
        assertThat(metadata().status().text()).isEqualTo("Deploying");
        assertThat(metadata().status().tone()).isEqualTo(Tone.WARN);
        assertThat(metadata().progress().percent()).isEqualTo(30.0);
        assertThat(metadata().progress().label()).isEqualTo("services");
        assertThat(metadata().logs()).singleElement().satisfies(line -> {
            assertThat(line.message()).isEqualTo("Tests passed");
            assertThat(line.source()).isEqualTo("ci");
            assertThat(line.ts()).isEqualTo(Harness.T0);
        });
    }

    @Test
    void emptyOrNullTextClearsTheStatus() {
        h.metadata.setStatus(APP, "Deploying", Tone.WARN);
        h.metadata.setStatus(APP, "", Tone.NEUTRAL);
        assertThat(metadata().status()).isNull();

        h.metadata.setStatus(APP, "again", Tone.INFO);
        h.metadata.setStatus(APP, null, Tone.NEUTRAL);
        assertThat(metadata().status()).isNull();
    }

    @Test
    void clearOrNoNumbersRemoveProgress() {
        h.metadata.setProgress(new SetProgressUseCase.Command(APP, 3.0, 10.0, null, null, false));
        h.metadata.setProgress(new SetProgressUseCase.Command(APP, 5.0, 10.0, null, null, true));
        assertThat(metadata().progress()).isNull();

        h.metadata.setProgress(new SetProgressUseCase.Command(APP, null, null, 50.0, null, false));
        h.metadata.setProgress(new SetProgressUseCase.Command(APP, null, null, null, "label only", false));
        assertThat(metadata().progress()).isNull();
    }

    @Test
    void notifyLogsAndRemembersClearLogEmptiesTheRing() {
        h.metadata.notify(new LogCommand(APP, "build broke", Tone.ERROR, null));
        assertThat(metadata().notification().message()).isEqualTo("build broke");
        assertThat(metadata().logs()).hasSize(1);

        h.metadata.clearLog(APP);
        assertThat(metadata().logs()).isEmpty();
    }

    @Test
    void metadataThatBecomesEmptyIsForgotten() {
        h.metadata.setStatus(APP, "x", Tone.INFO);
        h.metadata.setStatus(APP, null, Tone.INFO);

        assertThat(h.owner.current().metadata()).doesNotContainKey(APP);
    }

    @Test
    void pastTheCapTheOldestEntryOfASessionThatIsNotLiveMakesRoom() {
        h.mux.pushSessions("live", "/live");
        h.metadata.setStatus(SessionName.of("live"), "kept", Tone.INFO);
        for (int i = 0; i < SessionMetadataService.MAX_SESSIONS - 1; i++) {
            h.clock.advance(Duration.ofSeconds(1));
            h.metadata.setStatus(SessionName.of("ghost-" + i), "x", Tone.INFO);
        }
        h.clock.advance(Duration.ofSeconds(1));

        h.metadata.setStatus(SessionName.of("newcomer"), "y", Tone.INFO);

        assertThat(h.owner.current().metadata()).hasSize(SessionMetadataService.MAX_SESSIONS)
                .containsKeys(SessionName.of("live"), SessionName.of("newcomer"), SessionName.of("ghost-1"))
                .doesNotContainKey(SessionName.of("ghost-0"));
    }

    @Test
    void whenEveryEntryIsOfALiveSessionANewOneIsRefusedAndNothingChanges() {
        String[] sessions = new String[SessionMetadataService.MAX_SESSIONS * 2];
        for (int i = 0; i < SessionMetadataService.MAX_SESSIONS; i++) {
            sessions[2 * i] = "live-" + i;
            sessions[2 * i + 1] = "/live-" + i;
        }
        h.mux.pushSessions(sessions);
        for (int i = 0; i < SessionMetadataService.MAX_SESSIONS; i++) {
            h.metadata.setStatus(SessionName.of("live-" + i), "x", Tone.INFO);
        }
        long before = h.owner.current().version();

        assertThatThrownBy(() -> h.metadata.setStatus(SessionName.of("one-more"), "y", Tone.INFO))
                .isInstanceOf(LimitExceeded.class).hasMessageContaining("too many sessions with metadata");
        assertThat(h.owner.current().version()).isEqualTo(before);
    }
}
