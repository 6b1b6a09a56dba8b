package dev.opensessions.adapters.persistence;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;
import java.time.Duration;

/** Opens real SQLite files the way the server does, through a plain DataSource. */
final class TestDatabases {

    static final Duration SHORT_BUSY_TIMEOUT = Duration.ofMillis(300);

    private TestDatabases() {
    }

    static SQLiteDataSource dataSource(Path file) {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource;
    }

    static SQLiteDataSource readOnlyDataSource(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource;
    }

    static SqliteDatabase open(Path file) {
        return SqliteDatabase.open(dataSource(file), file, SHORT_BUSY_TIMEOUT);
    }
}
