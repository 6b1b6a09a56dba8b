package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.SessionOrderStore;
import dev.opensessions.domain.session.SessionOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static dev.opensessions.adapters.persistence.Samples.name;
import static org.assertj.core.api.Assertions.assertThat;

/** The one-time import of the legacy session-order.json into a real SQLite store. */
class SessionOrderFileImportTest {

    @TempDir
    Path dir;

    private Path json(String content) throws IOException {
        return Files.writeString(dir.resolve("session-order.json"), content);
    }

    private SessionOrderFileImport importer(Path file, SqliteDatabase database, String serverKey) {
        return new SessionOrderFileImport(file, new SqliteSessionOrderStore(database, serverKey),
                new SqliteImportLedger(database, serverKey));
    }

    private SqliteDatabase database() {
        return TestDatabases.open(dir.resolve("state.db"));
    }

    @Test
    void legacyArrayBecomesTheOrder() throws IOException {
        SqliteDatabase database = database();
        Path file = json("[\"work\", \"my project\", \"b;c\", \"\", 7, \"work\"]");

        ImportOutcome outcome = importer(file, database, "k").run();

        assertThat(outcome).isEqualTo(new ImportOutcome.Imported(3, 0, 2));
        assertThat(new SqliteSessionOrderStore(database, "k").load()).isEqualTo(
                new SessionOrder(List.of(name("work"), name("my project"), name("b;c")), Set.of()));
    }

    @Test
    void currentFormatBringsOrderAndHiddenSet() throws IOException {
        SqliteDatabase database = database();
        Path file = json("""
                {"order": ["b", "a", "ünïcødé"], "hidden": ["c", "bad\\u0001name"]}""");

        ImportOutcome outcome = importer(file, database, "k").run();

        assertThat(outcome).isEqualTo(new ImportOutcome.Imported(3, 1, 1));
        assertThat(new SqliteSessionOrderStore(database, "k").load()).isEqualTo(
                new SessionOrder(List.of(name("b"), name("a"), name("ünïcødé")), Set.of(name("c"))));
    }

    @Test
    void importHappensOnlyOncePerServerKeyEvenAfterTheOrderIsCleared() throws IOException {
        Path file = json("[\"a\", \"b\"]");
        assertThat(importer(file, database(), "k").run()).isInstanceOf(ImportOutcome.Imported.class);
        new SqliteSessionOrderStore(database(), "k").save(SessionOrder.empty());

        ImportOutcome again = importer(file, database(), "k").run();

        assertThat(again).isInstanceOf(ImportOutcome.NothingToImport.class);
        assertThat(((ImportOutcome.NothingToImport) again).reason()).contains("already imported");
        assertThat(new SqliteSessionOrderStore(database(), "k").load()).isEqualTo(SessionOrder.empty());
        assertThat(importer(file, database(), "other-server").run()).isEqualTo(new ImportOutcome.Imported(2, 0, 0));
    }

    @Test
    void storedOrderIsNeverOverwritten() throws IOException {
        SqliteDatabase database = database();
        SessionOrder existing = new SessionOrder(List.of(name("mine")), Set.of());
        new SqliteSessionOrderStore(database, "k").save(existing);

        ImportOutcome outcome = importer(json("[\"theirs\"]"), database, "k").run();

        assertThat(outcome).isInstanceOf(ImportOutcome.NothingToImport.class);
        assertThat(new SqliteSessionOrderStore(database, "k").load()).isEqualTo(existing);
    }

    @Test
    void missingFileChangesNothingAndSaysSo() {
        SqliteDatabase database = database();
        Path file = dir.resolve("absent.json");

        ImportOutcome outcome = importer(file, database, "k").run();

        assertThat(outcome).isEqualTo(new ImportOutcome.NothingToImport("there is no " + file));
        assertThat(new SqliteImportLedger(database, "k").isDone(SessionOrderFileImport.IMPORT_NAME)).isFalse();
    }

    @Test
    void malformedFilesChangeNothingAndSayWhy() throws IOException {
        SqliteDatabase database = database();
        for (String content : List.of("[\"a\", ", "{\"order\": \"a\"}", "\"just text\"", "", "[\"a\"] trailing")) {
            Path file = json(content);

            ImportOutcome outcome = importer(file, database, "k").run();

            assertThat(outcome).as(content).isInstanceOf(ImportOutcome.Unreadable.class);
            assertThat(((ImportOutcome.Unreadable) outcome).reason()).as(content).contains(file.toString());
        }
        assertThat(new SqliteSessionOrderStore(database, "k").load()).isEqualTo(SessionOrder.empty());
        assertThat(importer(json("[\"fixed\"]"), database, "k").run()).isEqualTo(new ImportOutcome.Imported(1, 0, 0));
    }

    @Test
    void unreadableFileChangesNothing() throws IOException {
        SqliteDatabase database = database();
        Path folderInstead = Files.createDirectory(dir.resolve("session-order.json"));

        ImportOutcome outcome = importer(folderInstead, database, "k").run();

        assertThat(outcome).isInstanceOf(ImportOutcome.Unreadable.class);
        assertThat(((ImportOutcome.Unreadable) outcome).reason()).contains("cannot read");
        assertThat(new SqliteSessionOrderStore(database, "k").load()).isEqualTo(SessionOrder.empty());
    }

    @Test
    void inMemoryStoresTakeTheImportToo() throws IOException {
        InMemoryStateStores stores = new InMemoryStateStores();
        SessionOrderStore orders = stores.orders();
        Path file = json("{\"order\": [\"x\"]}");

        ImportOutcome outcome = new SessionOrderFileImport(file, orders, stores.importLedger()).run();

        assertThat(outcome).isEqualTo(new ImportOutcome.Imported(1, 0, 0));
        assertThat(orders.load()).isEqualTo(new SessionOrder(List.of(name("x")), Set.of()));
    }
}
