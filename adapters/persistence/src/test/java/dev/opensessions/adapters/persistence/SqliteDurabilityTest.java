package dev.opensessions.adapters.persistence;

import dev.opensessions.domain.agent.StatusTransition;
import dev.opensessions.domain.metadata.SessionMetadata;
import dev.opensessions.domain.session.SessionOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.opensessions.adapters.persistence.Samples.bareThread;
import static dev.opensessions.adapters.persistence.Samples.fullMetadata;
import static dev.opensessions.adapters.persistence.Samples.fullThread;
import static dev.opensessions.adapters.persistence.Samples.name;
import static dev.opensessions.adapters.persistence.Samples.transition;
import static org.assertj.core.api.Assertions.assertThat;

/** What the SQLite stores promise beyond the contracts: restarts keep everything, server keys stay apart. */
class SqliteDurabilityTest {

    @TempDir
    Path dir;

    @Test
    void everythingSurvivesReopeningWithAFreshDataSource() {
        Path file = dir.resolve("state.db");
        SqliteDatabase first = TestDatabases.open(file);
        SessionOrder order = new SessionOrder(List.of(name("b"), name("a")), Set.of(name("a")));
        new SqliteSessionOrderStore(first, "k").save(order);
        new SqliteMetadataStore(first, "k").save(name("a"), fullMetadata());
        new SqliteAgentThreadStore(first, "k").save(fullThread());
        new SqliteStatusHistoryStore(first, "k").append(List.of(transition("a", 1), transition("a", 2)));
        new SqliteImportLedger(first, "k").markDone("something");

        SqliteDatabase second = TestDatabases.open(file);

        assertThat(new SqliteSessionOrderStore(second, "k").load()).isEqualTo(order);
        assertThat(new SqliteMetadataStore(second, "k").loadAll()).isEqualTo(Map.of(name("a"), fullMetadata()));
        assertThat(new SqliteAgentThreadStore(second, "k").loadAll()).containsExactly(fullThread());
        assertThat(new SqliteStatusHistoryStore(second, "k").recent(name("a"), 10))
                .containsExactly(transition("a", 2), transition("a", 1));
        assertThat(new SqliteImportLedger(second, "k").isDone("something")).isTrue();
    }

    @Test
    void twoServerKeysInOneFileDoNotSeeEachOther() {
        SqliteDatabase database = TestDatabases.open(dir.resolve("state.db"));
        SessionOrder orderA = new SessionOrder(List.of(name("shared"), name("only-a")), Set.of(name("shared")));
        SessionOrder orderB = new SessionOrder(List.of(name("only-b"), name("shared")), Set.of());
        SessionMetadata metaB = SessionMetadata.empty().withLog(fullMetadata().logs().getFirst());

        new SqliteSessionOrderStore(database, "server-a").save(orderA);
        new SqliteSessionOrderStore(database, "server-b").save(orderB);
        new SqliteMetadataStore(database, "server-a").save(name("shared"), fullMetadata());
        new SqliteMetadataStore(database, "server-b").save(name("shared"), metaB);
        new SqliteAgentThreadStore(database, "server-a").save(fullThread());
        new SqliteAgentThreadStore(database, "server-b").save(fullThread().withUnseen(false));
        new SqliteAgentThreadStore(database, "server-b").save(bareThread());
        new SqliteStatusHistoryStore(database, "server-a").append(List.of(transition("shared", 1)));
        new SqliteStatusHistoryStore(database, "server-b").append(List.of(transition("shared", 2)));
        new SqliteImportLedger(database, "server-a").markDone("once");

        assertThat(new SqliteSessionOrderStore(database, "server-a").load()).isEqualTo(orderA);
        assertThat(new SqliteSessionOrderStore(database, "server-b").load()).isEqualTo(orderB);
        assertThat(new SqliteMetadataStore(database, "server-a").loadAll())
                .isEqualTo(Map.of(name("shared"), fullMetadata()));
        assertThat(new SqliteMetadataStore(database, "server-b").loadAll()).isEqualTo(Map.of(name("shared"), metaB));
        assertThat(new SqliteAgentThreadStore(database, "server-a").loadAll()).containsExactly(fullThread());
        assertThat(new SqliteAgentThreadStore(database, "server-b").loadAll())
                .containsExactlyInAnyOrder(fullThread().withUnseen(false), bareThread());
        assertThat(new SqliteStatusHistoryStore(database, "server-a").recent(name("shared"), 10))
                .containsExactly(transition("shared", 1));
        assertThat(new SqliteImportLedger(database, "server-b").isDone("once")).isFalse();
    }

    @Test
    void removingInOneServerKeyLeavesTheOtherAlone() {
        SqliteDatabase database = TestDatabases.open(dir.resolve("state.db"));
        new SqliteMetadataStore(database, "server-a").save(name("s"), fullMetadata());
        new SqliteMetadataStore(database, "server-b").save(name("s"), fullMetadata());
        new SqliteAgentThreadStore(database, "server-a").save(fullThread());
        new SqliteAgentThreadStore(database, "server-b").save(fullThread());

        new SqliteMetadataStore(database, "server-a").save(name("s"), SessionMetadata.empty());
        new SqliteAgentThreadStore(database, "server-a").delete(fullThread().key());
        new SqliteSessionOrderStore(database, "server-a").save(SessionOrder.empty());

        assertThat(new SqliteMetadataStore(database, "server-b").loadAll()).isEqualTo(Map.of(name("s"), fullMetadata()));
        assertThat(new SqliteAgentThreadStore(database, "server-b").loadAll()).containsExactly(fullThread());
    }

    @Test
    void historyCapacityIsCountedPerServerKey() {
        SqliteDatabase database = TestDatabases.open(dir.resolve("state.db"));
        SqliteStatusHistoryStore a = new SqliteStatusHistoryStore(database, "server-a");
        SqliteStatusHistoryStore b = new SqliteStatusHistoryStore(database, "server-b");
        b.append(List.of(transition("s", 0)));

        List<StatusTransition> many = java.util.stream.IntStream
                .range(0, SqliteStatusHistoryStore.CAPACITY_PER_SESSION + 10)
                .mapToObj(i -> transition("s", i)).toList();
        a.append(many);

        assertThat(a.recent(name("s"), 1000)).hasSize(SqliteStatusHistoryStore.CAPACITY_PER_SESSION);
        assertThat(b.recent(name("s"), 1000)).containsExactly(transition("s", 0));
    }
}
