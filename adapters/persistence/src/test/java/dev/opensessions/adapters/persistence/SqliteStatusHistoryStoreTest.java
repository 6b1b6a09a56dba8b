package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.StatusHistoryStore;
import dev.opensessions.domain.agent.StatusTransition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static dev.opensessions.adapters.persistence.Samples.name;
import static dev.opensessions.adapters.persistence.Samples.transition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs the StatusHistoryStore contract against a real SQLite file. */
class SqliteStatusHistoryStoreTest extends StatusHistoryStoreContract {

    @TempDir
    Path dir;

    @Override
    protected StatusHistoryStore store() {
        return new SqliteStatusHistoryStore(TestDatabases.open(dir.resolve("state.db")), "default");
    }

    @Test
    void rowsOfARolledBackAppendAreNotCountedTowardsTheCap() {
        SqliteDatabase database = TestDatabases.open(dir.resolve("state.db"));
        SqliteStatusHistoryStore store = new SqliteStatusHistoryStore(database, "default");
        List<StatusTransition> kept = IntStream.range(0, 10).mapToObj(i -> transition("s", i)).toList();
        store.append(kept);
        List<StatusTransition> undone = IntStream.range(10, 10 + StatusHistoryStore.CAPACITY_PER_SESSION)
                .mapToObj(i -> transition("s", i)).toList();

        assertThatThrownBy(() -> new SqliteTransactions(database).inOneTransaction(() -> {
            store.append(undone);
            throw new IllegalStateException("a later write of the same commit fails");
        })).isInstanceOf(IllegalStateException.class);
        store.append(List.of(transition("s", 1000)));

        assertThat(store.recent(name("s"), 1000)).hasSize(11).contains(kept.getFirst());
    }

    @Test
    void anotherStoreOnTheSameFileCountsWhatIsThere() {
        StatusHistoryStore first = store();
        List<StatusTransition> all = IntStream.range(0, StatusHistoryStore.CAPACITY_PER_SESSION)
                .mapToObj(i -> transition("s", i)).toList();
        first.append(all);

        StatusHistoryStore second = store();
        second.append(List.of(transition("s", 1000)));

        assertThat(second.recent(name("s"), 1000)).hasSize(StatusHistoryStore.CAPACITY_PER_SESSION)
                .doesNotContain(all.getFirst()).contains(all.get(1));
    }
}
