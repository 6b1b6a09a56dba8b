package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.StoreTransactions;

import java.util.Objects;

/** Groups the writes of the SQLite stores of one database into one transaction (group commit). */
public final class SqliteTransactions implements StoreTransactions {

    private final SqliteDatabase database;

    public SqliteTransactions(SqliteDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void inOneTransaction(Runnable work) {
        database.inOneTransaction(work);
    }
}
