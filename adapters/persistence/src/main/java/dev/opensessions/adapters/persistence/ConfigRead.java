package dev.opensessions.adapters.persistence;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What reading {@code config.json} found: no file, its root object, or content that must not be overwritten. */
sealed interface ConfigRead {

    record Missing() implements ConfigRead {
    }

    record Parsed(ObjectNode root) implements ConfigRead {
    }

    /** Unreadable, not JSON, or not a JSON object; {@code cause} may be null. */
    record Unusable(String reason, Exception cause) implements ConfigRead {
    }
}
