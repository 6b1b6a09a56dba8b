package dev.opensessions.application.service;

import dev.opensessions.application.port.in.LogCommand;
import dev.opensessions.application.port.in.SetProgressUseCase;
import dev.opensessions.domain.metadata.SessionMetadata;
import dev.opensessions.domain.metadata.Tone;
import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
}
