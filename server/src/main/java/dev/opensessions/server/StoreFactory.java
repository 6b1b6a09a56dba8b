package dev.opensessions.server;

import dev.opensessions.adapters.persistence.ImportLedger;
import dev.opensessions.adapters.persistence.ImportOutcome;
import dev.opensessions.adapters.persistence.InMemoryStateStores;
import dev.opensessions.adapters.persistence.SessionOrderFileImport;
import dev.opensessions.adapters.persistence.SqliteAgentThreadStore;
import dev.opensessions.adapters.persistence.SqliteDatabase;
import dev.opensessions.adapters.persistence.SqliteImportLedger;
import dev.opensessions.adapters.persistence.SqliteMetadataStore;
import dev.opensessions.adapters.persistence.SqliteNativeLibrary;
import dev.opensessions.adapters.persistence.SqliteSessionOrderStore;
import dev.opensessions.adapters.persistence.SqliteStatusHistoryStore;
import dev.opensessions.adapters.persistence.SqliteTransactions;
import dev.opensessions.application.port.out.SessionOrderStore;
import dev.opensessions.application.port.out.StoreException;
import dev.opensessions.application.port.out.StoreTransactions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;

/**
 * Opens the durable stores: the SQLite file through sqlite-jdbc's own data source (no pool, no transaction
 * manager: {@link SqliteDatabase} keeps its few connections itself, docs/adr/0020-plain-sqlite-data-source.md),
 * or, when that file cannot be used, stores in memory so the server keeps running; either way one clear log
 * line says which.
 */
@Singleton
public class StoreFactory {

    private static final Logger LOG = Logger.getLogger(StoreFactory.class);
    static final String ORDER_FILE = "session-order.json";

    private final ServerSettings settings;
    private SqliteDatabase database;

    StoreFactory(ServerSettings settings) {
        this.settings = settings;
    }

    StateStores open() {
        StateStores stores;
        ImportLedger ledger;
        try {
            SqliteDatabase database = sqlite();
            String key = settings.serverKey();
            stores = new StateStores(new SqliteSessionOrderStore(database, key), new SqliteMetadataStore(database, key),
                    new SqliteAgentThreadStore(database, key), new SqliteStatusHistoryStore(database, key),
                    new SqliteTransactions(database));
            ledger = new SqliteImportLedger(database, key);
        } catch (StoreException unusable) {
            LOG.errorf("state database unusable: %s. opensessions runs in memory: nothing is saved until "
                    + "the file is fixed and the server restarted", unusable.getMessage());
            InMemoryStateStores memory = new InMemoryStateStores();
            stores = new StateStores(memory.orders(), memory.metadata(), memory.threads(), memory.history(),
                    StoreTransactions.NONE);
            ledger = memory.importLedger();
        }
        importLegacyOrder(stores.order(), ledger);
        return stores;
    }

    private SqliteDatabase sqlite() {
        Path file = settings.database().toAbsolutePath();
        SqliteDatabase.ensureParentDirectory(file);
        // Beside the database, a private folder of the user's own: the library is unpacked there once, not into
        // the temporary folder at every start.
        SqliteNativeLibrary.useUnpackedCopy(file.getParent().resolve("native"))
                .ifPresentOrElse(library -> LOG.debugf("SQLite's native library: %s", library),
                        () -> LOG.debug("SQLite's native library: unpacked by sqlite-jdbc"));
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + file);
        // Nothing here asks for generated keys; with the default on, the driver matches every executed statement's
        // text against a pattern (BEGIN and COMMIT of every group commit included) and queries the last row id after
        // each insert run by execute().
        dataSource.setGetGeneratedKeys(false);
        database = SqliteDatabase.open(dataSource, file);
        return database;
    }

    /** Closes the connections the database kept open, once the stores wrote what was pending. */
    @PreDestroy
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private void importLegacyOrder(SessionOrderStore order, ImportLedger ledger) {
        Path legacy = settings.configDir().resolve(ORDER_FILE);
        try {
            ImportOutcome outcome = new SessionOrderFileImport(legacy, order, ledger).run();
            switch (outcome) {
                case ImportOutcome.Imported imported -> LOG.infof("imported the session order of %s: %s", legacy, imported);
                case ImportOutcome.Unreadable unreadable -> LOG.warnf("left %s alone: %s", legacy, unreadable.reason());
                case ImportOutcome.NothingToImport nothing -> LOG.debugf("no session order to import: %s", nothing.reason());
            }
        } catch (StoreException failure) {
            LOG.warnf("could not import the session order of %s: %s", legacy, failure.getMessage());
        }
    }
}
