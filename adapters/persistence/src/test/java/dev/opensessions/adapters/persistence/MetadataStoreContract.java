package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.MetadataStore;
import dev.opensessions.domain.metadata.LogEntry;
import dev.opensessions.domain.metadata.Progress;
import dev.opensessions.domain.metadata.SessionMetadata;
import dev.opensessions.domain.metadata.Tone;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.opensessions.adapters.persistence.Samples.AWKWARD;
import static dev.opensessions.adapters.persistence.Samples.T0;
import static dev.opensessions.adapters.persistence.Samples.fullMetadata;
import static dev.opensessions.adapters.persistence.Samples.name;
import static org.assertj.core.api.Assertions.assertThat;

/** What every MetadataStore must do; extended once per implementation. */
abstract class MetadataStoreContract {

    /** A fresh, empty store. */
    protected abstract MetadataStore store();

    @Test
    void freshStoreLoadsNothing() {
        assertThat(store().loadAll()).isEmpty();
    }

    @Test
    void everyFieldAndTimestampRoundTripsExactly() {
        MetadataStore store = store();
        SessionMetadata full = fullMetadata();

        store.save(name(AWKWARD), full);

        assertThat(store.loadAll()).isEqualTo(Map.of(name(AWKWARD), full));
    }

    @Test
    void absentPartsStayAbsent() {
        MetadataStore store = store();
        SessionMetadata logsOnly = SessionMetadata.empty()
                .withLog(new LogEntry("only a log", Tone.INFO, null, T0));
        SessionMetadata progressOnly = SessionMetadata.empty()
                .withProgress(Progress.of(null, null, 12.5, null, T0).orElseThrow());

        store.save(name("logs"), logsOnly);
        store.save(name("progress"), progressOnly);

        Map<?, SessionMetadata> loaded = store.loadAll();
        assertThat(loaded.get(name("logs"))).isEqualTo(logsOnly);
        assertThat(loaded.get(name("progress"))).isEqualTo(progressOnly);
        assertThat(loaded.get(name("progress")).progress().current()).isNull();
    }

    @Test
    void fullLogRingKeepsItsOrder() {
        MetadataStore store = store();
        SessionMetadata ring = SessionMetadata.empty();
        for (int i = 0; i < SessionMetadata.LOG_CAPACITY + 5; i++) {
            ring = ring.withLog(new LogEntry("line " + i, Tone.values()[i % Tone.values().length],
                    i % 3 == 0 ? null : "src" + i, T0.plusMillis(i)));
        }

        store.save(name("busy"), ring);

        SessionMetadata loaded = store.loadAll().get(name("busy"));
        assertThat(loaded).isEqualTo(ring);
        assertThat(loaded.logs()).hasSize(SessionMetadata.LOG_CAPACITY);
        assertThat(loaded.logs().getFirst().message()).isEqualTo("line 5");
    }

    @Test
    void savingReplacesThePreviousValue() {
        MetadataStore store = store();
        store.save(name("s"), fullMetadata());

        SessionMetadata cleared = fullMetadata().withoutLogs().withProgress(null);
        store.save(name("s"), cleared);

        assertThat(store.loadAll()).isEqualTo(Map.of(name("s"), cleared));
    }

    @Test
    void savingEmptyMetadataRemovesTheSession() {
        MetadataStore store = store();
        store.save(name("keep"), fullMetadata());
        store.save(name("drop"), fullMetadata());

        store.save(name("drop"), SessionMetadata.empty());

        assertThat(store.loadAll()).containsOnlyKeys(name("keep"));
    }
}
