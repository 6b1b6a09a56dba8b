package dev.opensessions.application.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The secret a client must present to control the server (docs/explanation/architecture.md#security). Compared in
 * constant time.
 */
public record ControlToken(String value) {

    public ControlToken {
        Objects.requireNonNull(value, "value");
        if (value.length() < 32) {
            throw new IllegalArgumentException("control token is too short");
        }
    }

    /** True when the presented text is exactly this token. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    /** True when an {@code Authorization} header value is {@code Bearer <this token>}. */
    public boolean matchesBearer(String authorization) {
        return authorization != null && authorization.startsWith("Bearer ")
                && matches(authorization.substring("Bearer ".length()).trim());
    }

    @Override
    public String toString() {
        return "ControlToken[redacted]";
    }
}
