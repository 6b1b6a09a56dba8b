package dev.opensessions.sidebar;

/** Expected screens for text-grid snapshot tests: one string per row, trailing spaces left out. */
public final class Screens {

    private Screens() {
    }

    public static String of(String... rows) {
        return String.join("\n", rows);
    }
}
