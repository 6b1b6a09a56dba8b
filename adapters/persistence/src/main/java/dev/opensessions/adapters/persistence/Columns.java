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
        statement.setString(index, value == null ? null : value.toString());
    }

    static Instant instant(ResultSet rows, String column) throws SQLException {
        String text = rows.getString(column);
        return text == null ? null : Instant.parse(text);
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
