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

    /**
     * Written out because it is a map key on every agent event's path: the record's generated {@code equals} and
     * {@code hashCode} run through method handles, which the server's client compiler (C1) does not inline. The
     * same results as the generated ones.
     */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof PaneId that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
