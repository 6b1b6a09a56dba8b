package dev.opensessions.domain.session;

import java.util.Objects;
import java.util.regex.Pattern;

/** A tmux window id such as {@code @4}. */
public record WindowId(String value) {

    private static final Pattern FORMAT = Pattern.compile("@[0-9]{1,9}");

    public WindowId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("window id must look like @4");
        }
    }

    public static WindowId of(String value) {
        return new WindowId(value);
    }

    /** True when the text is a well-formed window id. */
    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
