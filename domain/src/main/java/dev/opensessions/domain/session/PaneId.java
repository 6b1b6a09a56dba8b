package dev.opensessions.domain.session;

import java.util.Objects;
import java.util.regex.Pattern;

/** A tmux pane id such as {@code %12}. */
public record PaneId(String value) {

    private static final Pattern FORMAT = Pattern.compile("%[0-9]{1,9}");

    public PaneId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("pane id must look like %12");
        }
    }

    public static PaneId of(String value) {
        return new PaneId(value);
    }

    /** True when the text is a well-formed pane id. */
    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
