package dev.opensessions.adapters.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.opensessions.protocol.WireText;

import java.io.IOException;

/**
 * The named top-level fields of a request body that must be one JSON object, read with Jackson's streaming parser
 * straight from the bytes: no tree, no map; other fields are parsed (so the whole body must be well-formed JSON) and
 * dropped. It answers as {@link JsonBody} does, reason for reason: a field that is absent or JSON null reads as null,
 * one of the wrong JSON type fails with the reason the caller names, the last of duplicate fields counts, the body
 * must be strict UTF-8 and strings hold no lone surrogate. {@code JsonFieldsTest} holds the two readers to the same
 * answers.
 */
final class JsonFields {

    /** The value of a kept field that is an object or an array (read through and dropped). */
    private static final Object NESTED = new Object();

    private final String[] names;
    /** By the index of the name: String, Boolean, Long (integers that fit), Double (other numbers), NESTED or null. */
    private final Object[] values;

    private JsonFields(String[] names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    /** Reads the body; anything but one well-formed JSON value is {@code invalid json}, a value but an object {@code invalid payload}. */
    static JsonFields parse(JsonFactory factory, byte[] body, String... names) {
        if (!WireText.isUtf8(body)) {
            throw new InvalidRequest("invalid json");
        }
        Object[] values = new Object[names.length];
        boolean object;
        try (JsonParser parser = factory.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidRequest("invalid json");
            }
            object = first == JsonToken.START_OBJECT;
            if (object) {
                readFields(parser, names, values);
            } else {
                value(parser, first);
            }
            if (parser.nextToken() != null) {
                throw new InvalidRequest("invalid json");
            }
        } catch (IOException malformed) {
            throw new InvalidRequest("invalid json");
        }
        if (!object) {
            throw new InvalidRequest(JsonBody.INVALID_PAYLOAD);
        }
        return new JsonFields(names, values);
    }

    private static void readFields(JsonParser parser, String[] names, Object[] values) throws IOException {
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            int index = indexOf(names, parser.currentName());
            Object value = value(parser, parser.nextToken());
            if (index >= 0) {
                values[index] = value;
            }
        }
    }

    /**
     * The value at the parser's current token, converted as Jackson's tree would (so the same numbers are refused
     * for their size, and an object or array is read to its end).
     */
    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? (Object) parser.getBigIntegerValue().doubleValue() : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getNumberTypeFP() == JsonParser.NumberTypeFP.BIG_DECIMAL
                    ? (Object) parser.getDecimalValue().doubleValue() : (Object) parser.getDoubleValue();
            case START_OBJECT, START_ARRAY -> {
                parser.skipChildren();
                yield NESTED;
            }
            default -> throw new InvalidRequest("invalid json");
        };
    }

    /** Jackson hands field names out interned, as the literals of the names are: most compare by identity. */
    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i] == name) {
                return i;
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The raw value of a field: null when absent or JSON null, else a String, Boolean, Long or Double, or a nested value. */
    Object field(String name) {
        int index = indexOf(names, name);
        if (index < 0) {
            throw new IllegalArgumentException("not a field this body was read for: " + name);
        }
        return values[index];
    }

    String string(String name, String wrongType) {
        Object value = field(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new InvalidRequest(wrongType);
        }
        if (WireText.hasLoneSurrogate(text)) {
            throw new InvalidRequest("invalid text");
        }
        return text;
    }

    String string(String name) {
        return string(name, JsonBody.INVALID_PAYLOAD);
    }

    /** The first of the given alias fields that is present, read as a string. */
    String firstString(String wrongType, String... aliases) {
        for (String name : aliases) {
            if (field(name) != null) {
                return string(name, wrongType);
            }
        }
        return null;
    }

    /** A finite number, or null; strings, booleans and overflowing numbers are {@code invalid payload}. */
    Double number(String name) {
        Object value = field(name);
        if (value == null) {
            return null;
        }
        double number = switch (value) {
            case Long integer -> integer.doubleValue();
            case Double real -> real;
            default -> throw new InvalidRequest(JsonBody.INVALID_PAYLOAD);
        };
        if (!Double.isFinite(number)) {
            throw new InvalidRequest(JsonBody.INVALID_PAYLOAD);
        }
        return number;
    }

    Boolean bool(String name) {
        Object value = field(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Boolean bool)) {
            throw new InvalidRequest(JsonBody.INVALID_PAYLOAD);
        }
        return bool;
    }
}
