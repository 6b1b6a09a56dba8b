package dev.opensessions.adapters.http;

import dev.opensessions.protocol.WireText;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;

/**
 * A request body read as one JSON object, with typed readers: a field that is absent or JSON null reads
 * as null, a field of the wrong JSON type fails with the reason the caller names. The body must be strict
 * UTF-8 (no overlong forms, no encoded surrogates) and strings hold no lone surrogate ({@code "\ud800"}).
 */
final class JsonBody {

    static final String INVALID_PAYLOAD = "invalid payload";

    private static volatile StrictReader strict;

    private final JsonNode root;

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    /** Parses the body; anything but one well-formed JSON value is {@code invalid json}. */
    static JsonBody parse(ObjectMapper mapper, byte[] body) {
        if (!WireText.isUtf8(body)) {
            throw new InvalidRequest("invalid json");
        }
        JsonNode root;
        try {
            root = strictReader(mapper).readTree(body);
        } catch (IOException malformed) {
            throw new InvalidRequest("invalid json");
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidRequest("invalid json");
        }
        if (!root.isObject()) {
            throw new InvalidRequest(INVALID_PAYLOAD);
        }
        return new JsonBody(root);
    }

    /**
     * The mapper's reader that refuses trailing tokens, made once per mapper rather than once per body (readers
     * are immutable and may be shared between threads).
     */
    private static ObjectReader strictReader(ObjectMapper mapper) {
        StrictReader last = strict;
        if (last == null || last.mapper() != mapper) {
            last = new StrictReader(mapper, mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
            strict = last;
        }
        return last.reader();
    }

    private record StrictReader(ObjectMapper mapper, ObjectReader reader) {
    }

    /** The node of a field, or null when it is absent or JSON null. */
    JsonNode field(String name) {
        JsonNode node = root.get(name);
        return node == null || node.isNull() ? null : node;
    }

    String string(String name, String wrongType) {
        JsonNode node = field(name);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidRequest(wrongType);
        }
        if (WireText.hasLoneSurrogate(node.textValue())) {
            throw new InvalidRequest("invalid text");
        }
        return node.textValue();
    }

    String string(String name) {
        return string(name, INVALID_PAYLOAD);
    }

    /** The first of the given alias fields that is present, read as a string. */
    String firstString(String wrongType, String... names) {
        for (String name : names) {
            if (field(name) != null) {
                return string(name, wrongType);
            }
        }
        return null;
    }

    /** A finite number, or null; strings, booleans and overflowing numbers are {@code invalid payload}. */
    Double number(String name) {
        JsonNode node = field(name);
        if (node == null) {
            return null;
        }
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw new InvalidRequest(INVALID_PAYLOAD);
        }
        return node.doubleValue();
    }

    Boolean bool(String name) {
        JsonNode node = field(name);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw new InvalidRequest(INVALID_PAYLOAD);
        }
        return node.booleanValue();
    }
}
