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
    void aSessionIsTrimmedInRunsOfTheSlackWhileReadersSeeOnlyTheCapacity() {
        SqliteDatabase database = TestDatabases.open(dir.resolve("state.db"));
        SqliteStatusHistoryStore store = new SqliteStatusHistoryStore(database, "default");
        int capacity = StatusHistoryStore.CAPACITY_PER_SESSION;
        List<StatusTransition> all = IntStream.range(0, capacity + SqliteStatusHistoryStore.TRIM_SLACK + 1)
                .mapToObj(i -> transition("s", i)).toList();
        all.subList(0, capacity + SqliteStatusHistoryStore.TRIM_SLACK).forEach(t -> store.append(List.of(t)));

        assertThat(rowsInTheFile(database)).isEqualTo(capacity + SqliteStatusHistoryStore.TRIM_SLACK);
        List<StatusTransition> newest = all.subList(SqliteStatusHistoryStore.TRIM_SLACK, capacity + SqliteStatusHistoryStore.TRIM_SLACK);
        assertThat(store.transitionsSince(Samples.T0)).isEqualTo(newest);
        assertThat(store.transitionsSince(Samples.T0, name("s"))).isEqualTo(newest);
        assertThat(store.recent(name("s"), 10_000)).hasSize(capacity).doesNotContain(all.get(SqliteStatusHistoryStore.TRIM_SLACK - 1));

        store.append(List.of(all.getLast()));

        assertThat(rowsInTheFile(database)).isEqualTo(capacity);
        assertThat(store.transitionsSince(Samples.T0)).isEqualTo(all.subList(all.size() - capacity, all.size()));
    }

    private static int rowsInTheFile(SqliteDatabase database) {
        return database.read("count the rows", connection -> {
            try (var count = connection.createStatement(); var rows = count.executeQuery("SELECT count(*) FROM status_transition")) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        });
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
