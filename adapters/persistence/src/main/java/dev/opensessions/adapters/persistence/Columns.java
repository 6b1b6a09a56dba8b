package dev.opensessions.adapters.persistence;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.Liveness;
import dev.opensessions.domain.metadata.Tone;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    /**
     * Binds an instant's text as UTF-8 bytes, for a parameter written {@code CAST(? AS TEXT)} (see
     * {@link #setText}): the bytes are remembered with the text, so the second write of an event's time costs nothing.
     */
    static void setInstantBytes(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setBytes(index, written(value).bytes);
        }
    }

    /** Texts up to this length have their UTF-8 bytes remembered. */
    static final int REMEMBERED_TEXT = 128;
    /** How many texts are remembered before the memory is cleared and starts again. */
    static final int REMEMBERED_TEXTS = 1_024;
    private static final Map<String, byte[]> UTF8 = new ConcurrentHashMap<>();

    /**
     * Binds a text for a parameter that the statement writes as {@code CAST(? AS TEXT)}: as its UTF-8 bytes, remembered
     * for the texts the store writer binds over and over (the server's key, session names, thread keys, statuses). The
     * driver encodes every text it binds into a new array; bound as bytes, the remembered array is handed to SQLite as
     * it is, and the cast stores the value as TEXT, as a text bound as text is stored (the file's encoding is UTF-8,
     * which {@link SqliteDatabase} checks on open). Long texts (prompts) are bound as text, not remembered.
     */
    static void setText(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else if (value.length() > REMEMBERED_TEXT) {
            statement.setString(index, value);
        } else {
            byte[] bytes = UTF8.get(value);
            if (bytes == null) {
                if (UTF8.size() >= REMEMBERED_TEXTS) {
                    UTF8.clear();
                }
                bytes = value.getBytes(StandardCharsets.UTF_8);
                UTF8.put(value, bytes);
            }
            statement.setBytes(index, bytes);
        }
    }

    private static int slot(Instant value) {
        return (int) (value.getEpochSecond() ^ value.getNano()) & (WRITTEN.length - 1);
    }

    /** Texts of instants written lately, by a hash of the instant; a slot holds the last one written there. */
    private static final Written[] WRITTEN = new Written[64];

    /**
     * {@link Instant#toString()} (as {@link #format} writes it), remembered for the instants written lately: a commit
     * writes an agent event's time twice (its history row, then its agent row), and formatting it was a twentieth of
     * the store writer's CPU.
     */
    static String text(Instant value) {
        return written(value).text();
    }

    private static Written written(Instant value) {
        int slot = slot(value);
        Written last = WRITTEN[slot];
        if (last != null && last.instant.equals(value)) {
            return last;
        }
        Written written = new Written(value, formatBytes(value));
        WRITTEN[slot] = written;
        return written;
    }

    /** 0000-01-01 and 9999-12-31 as days since 1970-01-01: the years {@link #format} writes itself. */
    private static final long FIRST_DAY = -719_528;
    private static final long LAST_DAY = 2_932_896;

    /**
     * The text {@link Instant#toString()} writes ({@code 2026-12-07T04:11:53.123Z}: the fraction left out when it is
     * zero, else in 3, 6 or 9 digits), written by hand for the years 0000 to 9999 into one array: the general
     * formatter made a dozen objects per instant, and the store writer writes one or two instants per agent event.
     */
    static String format(Instant value) {
        return new String(formatBytes(value), StandardCharsets.ISO_8859_1);
    }

    /** {@link #format}'s text as bytes (ASCII, so its UTF-8 as well). */
    private static byte[] formatBytes(Instant value) {
        long seconds = value.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400);
        if (day < FIRST_DAY || day > LAST_DAY) {
            return value.toString().getBytes(StandardCharsets.ISO_8859_1);
        }
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        // Days to a civil date (the proleptic Gregorian calendar), by years of March to February.
        long z = day + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        int dayOfMonth = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        int nanos = value.getNano();
        int digits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        byte[] text = new byte[digits == 0 ? 20 : 21 + digits];
        put(text, 0, year, 4);
        text[4] = '-';
        put(text, 5, month, 2);
        text[7] = '-';
        put(text, 8, dayOfMonth, 2);
        text[10] = 'T';
        put(text, 11, secondOfDay / 3_600, 2);
        text[13] = ':';
        put(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        put(text, 17, secondOfDay % 60, 2);
        if (digits > 0) {
            text[19] = '.';
            put(text, 20, digits == 3 ? nanos / 1_000_000 : digits == 6 ? nanos / 1_000 : nanos, digits);
        }
        text[text.length - 1] = 'Z';
        return text;
    }

    /** {@code value} in {@code width} decimal digits, zeros first, at {@code text[at]}. */
    private static void put(byte[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * An instant and its text's bytes (ASCII), both final, so a slot read by another thread holds a whole one; the text
     * as a string is made when asked for (a string is safe to share however it was published).
     */
    private static final class Written {

        final Instant instant;
        final byte[] bytes;
        private String text;

        Written(Instant instant, byte[] bytes) {
            this.instant = instant;
            this.bytes = bytes;
        }

        String text() {
            String made = text;
            if (made == null) {
                made = new String(bytes, StandardCharsets.ISO_8859_1);
                text = made;
            }
            return made;
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
