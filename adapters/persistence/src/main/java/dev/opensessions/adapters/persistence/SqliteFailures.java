package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.StoreException;
import dev.opensessions.application.port.out.StoreFullException;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

/** Turns SQLite error codes into StoreExceptions a user can act on: which file, what is wrong. */
final class SqliteFailures {

    // Primary SQLite result codes (https://sqlite.org/rescode.html); sqlite-jdbc may report extended ones.
    private static final int PERM = 3;
    private static final int BUSY = 5;
    private static final int LOCKED = 6;
    private static final int READONLY = 8;
    private static final int IOERR = 10;
    private static final int CORRUPT = 11;
    private static final int FULL = 13;
    private static final int CANTOPEN = 14;
    private static final int NOTADB = 26;

    private SqliteFailures() {
    }

    static StoreException translate(SQLException failure, Path file, Duration busyTimeout, String action) {
        String detail = " (SQLite: " + failure.getMessage() + ")";
        String message = switch (failure.getErrorCode() & 0xff) {
            case NOTADB -> file + " is not a SQLite database; opensessions leaves it untouched."
                    + " Move it away to start with a fresh one";
            case CORRUPT -> "the database " + file + " is damaged; opensessions leaves it untouched."
                    + " Move it away to start with a fresh one";
            case READONLY, PERM -> "cannot " + action + ": the database " + file + " is read-only."
                    + " Check the permissions of the file and its folder";
            case BUSY, LOCKED -> "cannot " + action + ": the database " + file
                    + " stayed locked by another process for " + busyTimeout.toMillis() + " ms";
            case CANTOPEN -> "cannot open the database " + file
                    + ": check that its folder exists and is writable";
            case FULL -> "cannot " + action + ": the disk holding " + file + " is full";
            case IOERR -> "cannot " + action + ": reading or writing " + file + " failed";
            default -> "cannot " + action + " in " + file;
        };
        int code = failure.getErrorCode() & 0xff;
        // A full disk surfaces as SQLITE_FULL, or as an I/O error of a write that found no space.
        if (code == FULL || code == IOERR && String.valueOf(failure.getMessage()).contains("No space")) {
            return new StoreFullException(message + detail, failure);
        }
        return new StoreException(message + detail, failure);
    }
}
