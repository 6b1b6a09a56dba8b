package dev.opensessions.adapters.persistence;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.Liveness;
import dev.opensessions.domain.metadata.Tone;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;

/**
 * How domain values sit in columns. Instants are ISO-8601 text, which keeps every nanosecond a clock
 * gives and stays readable in the sqlite3 shell; enums are their wire names, stable across renames.
 */
final class Columns {

    private Columns() {
    }

    static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setString(index, value == null ? null : text(value));
    }

    /** Texts of instants written lately, by a hash of the instant; a slot holds the last one written there. */
    private static final Written[] WRITTEN = new Written[64];

    /**
     * {@link Instant#toString()}, remembered for the instants written lately: a commit writes an agent event's time twice
     * (its history row, then its agent row), and formatting it was a twentieth of the store writer's CPU.
     */
    static String text(Instant value) {
        int slot = (int) (value.getEpochSecond() ^ value.getNano()) & (WRITTEN.length - 1);
        Written last = WRITTEN[slot];
        if (last != null && last.instant.equals(value)) {
            return last.text;
        }
        String text = value.toString();
        WRITTEN[slot] = new Written(value, text);
        return text;
    }

    /** An instant and its text; immutable, so a slot read by another thread holds a whole one. */
    private static final class Written {

        final Instant instant;
        final String text;

        Written(Instant instant, String text) {
            this.instant = instant;
            this.text = text;
        }
    }

    static Instant instant(ResultSet rows, String column) throws SQLException {
        String text = rows.getString(column);
        return text == null ? null : instant(text);
    }

    /**
     * The instant {@link Instant#toString()} wrote: read by hand for the form it writes for years 0000 to 9999
     * ({@code 2026-12-07T04:11:53.123456789Z}, the fraction optional, 3, 6 or 9 digits), by
     * {@link Instant#parse} for anything else. The history of a day is read this way row by row, and the
     * general parser allocates about a kilobyte per row.
     */
    static Instant instant(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21;
            if (text.charAt(19) != '.' || (fraction != 3 && fraction != 6 && fraction != 9)) {
                return Instant.parse(text);
            }
            nanos = digits(text, 20, length - 1);
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        } else if (text.charAt(19) != 'Z') {
            return Instant.parse(text);
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > java.time.YearMonth.of(year, month)
                .lengthOfMonth() || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
                || nanos < 0) {
            return Instant.parse(text);
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code text[from, to)}; -1 when a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.REAL);
        } else {
            statement.setDouble(index, value);
        }
    }

    static Double nullableDouble(ResultSet rows, String column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    static Tone tone(ResultSet rows, String column) throws SQLException {
        String wire = rows.getString(column);
        return wire == null ? null : Tone.fromWire(wire)
                .orElseThrow(() -> new IllegalArgumentException("unknown tone " + wire));
    }

    static AgentStatus status(ResultSet rows, String column) throws SQLException {
        String wire = rows.getString(column);
        return wire == null ? null : AgentStatus.fromWire(wire)
                .orElseThrow(() -> new IllegalArgumentException("unknown agent status " + wire));
    }

    static Liveness liveness(ResultSet rows, String column) throws SQLException {
        String wire = rows.getString(column);
        return Arrays.stream(Liveness.values()).filter(l -> l.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown liveness " + wire));
    }
}
