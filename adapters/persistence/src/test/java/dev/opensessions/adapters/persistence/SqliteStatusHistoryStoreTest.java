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

    @Test
    void theRowsOverTheCapacityOfEverySessionAreDeletedTogetherOnceTheyPassTheSlack() {
        SqliteDatabase database = TestDatabases.open(dir.resolve("state.db"));
        SqliteStatusHistoryStore store = new SqliteStatusHistoryStore(database, "default");
        int capacity = StatusHistoryStore.CAPACITY_PER_SESSION;
        int over = SqliteStatusHistoryStore.TRIM_SLACK / 2;
        // Two sessions, appended in turn, each over its capacity by half the slack: nothing is deleted yet.
        for (int i = 0; i < capacity + over; i++) {
            store.append(List.of(transition("a", i), transition("b", i)));
        }
        assertThat(rowsInTheFile(database)).isEqualTo(2 * (capacity + over));
        assertThat(store.recent(name("a"), 10_000)).hasSize(capacity);

        store.append(List.of(transition("a", 10_000)));

        assertThat(rowsInTheFile(database)).isEqualTo(2 * capacity);
        assertThat(store.recent(name("a"), 1).getFirst()).isEqualTo(transition("a", 10_000));
        assertThat(store.transitionsSince(Samples.T0, name("b")))
                .isEqualTo(IntStream.range(over, capacity + over).mapToObj(i -> transition("b", i)).toList());
    }

    @Test
    void twoServersSharingTheFileAppendInTurnAndTrimOnlyTheirOwnRows() {
        SqliteDatabase database = TestDatabases.open(dir.resolve("state.db"));
        SqliteStatusHistoryStore mine = new SqliteStatusHistoryStore(database, "mine");
        SqliteStatusHistoryStore theirs = new SqliteStatusHistoryStore(database, "theirs");
        int rows = StatusHistoryStore.CAPACITY_PER_SESSION + SqliteStatusHistoryStore.TRIM_SLACK + 1;
        for (int i = 0; i < rows; i++) {
            mine.append(List.of(transition("s", i)));
            theirs.append(List.of(transition("s", i)));
        }

        List<StatusTransition> newest = IntStream.range(rows - StatusHistoryStore.CAPACITY_PER_SESSION, rows)
                .mapToObj(i -> transition("s", i)).toList();
        assertThat(mine.transitionsSince(Samples.T0)).isEqualTo(newest);
        assertThat(theirs.transitionsSince(Samples.T0)).isEqualTo(newest);
        assertThat(rowsInTheFile(database)).isEqualTo(2 * StatusHistoryStore.CAPACITY_PER_SESSION);
    }

    @Test
    void historyStoredBeforeTheRowsLostTheirIndexIsKeptInItsOrder() throws Exception {
        Path file = dir.resolve("old.db");
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             var statement = connection.createStatement()) {
            for (String script : List.of("V1__state.sql", "V2__wait_history.sql")) {
                try (var in = Migrations.class.getResourceAsStream("migrations/" + script)) {
                    for (String sql : Migrations.statements(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))) {
                        statement.executeUpdate(sql);
                    }
                }
            }
            statement.execute("PRAGMA application_id = " + SqliteDatabase.APPLICATION_ID);
            statement.execute("PRAGMA user_version = 2");
            // Two sessions' rows in turn, under the ids AUTOINCREMENT gave them, and one seen mark.
            for (int i = 0; i < 6; i++) {
                StatusTransition row = transition(i % 2 == 0 ? "a" : "b", i);
                statement.executeUpdate("INSERT INTO status_transition (server_key, session, thread_key, from_status,"
                        + " to_status, at, unseen) VALUES ('default', '" + row.session().value() + "', '"
                        + row.thread().value() + "', " + (row.from() == null ? "NULL" : "'" + row.from().wireName() + "'")
                        + ", '" + row.to().wireName() + "', '" + row.at() + "', 0)");
            }
            statement.executeUpdate("INSERT INTO seen_mark (server_key, session, thread_key, at)"
                    + " VALUES ('default', 'a', 'claude-code:t0', '" + Samples.T0 + "')");
        }

        SqliteDatabase database = TestDatabases.open(file);
        SqliteStatusHistoryStore store = new SqliteStatusHistoryStore(database, "default");
        store.append(List.of(transition("a", 6)));

        assertThat(database.schemaVersion()).isEqualTo(Migrations.latest());
        assertThat(store.transitionsSince(Samples.T0))
                .isEqualTo(IntStream.range(0, 7).mapToObj(i -> transition(i % 2 == 0 ? "a" : "b", i)).toList());
        assertThat(store.recent(name("a"), 2)).containsExactly(transition("a", 6), transition("a", 4));
        assertThat(store.seenSince(Samples.T0)).hasSize(1);
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
