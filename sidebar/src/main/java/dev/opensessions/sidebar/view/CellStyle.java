package dev.opensessions.sidebar.view;

import java.util.Objects;

/** How one cell is drawn. */
public record CellStyle(Color foreground, Color background, boolean bold, boolean dim, boolean underline) {

    public static final CellStyle PLAIN = new CellStyle(Color.DEFAULT, Color.DEFAULT, false, false, false);

    public CellStyle {
        Objects.requireNonNull(foreground, "foreground");
        Objects.requireNonNull(background, "background");
    }

    // Written out for the same reason as Cell's: compared for every cell of every frame.
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof CellStyle style && bold == style.bold && dim == style.dim
                && underline == style.underline && foreground.equals(style.foreground)
                && background.equals(style.background);
    }

    @Override
    public int hashCode() {
        int hash = 31 * foreground.hashCode() + background.hashCode();
        return 8 * hash + (bold ? 4 : 0) + (dim ? 2 : 0) + (underline ? 1 : 0);
    }

    public CellStyle withForeground(Color value) {
        return new CellStyle(value, background, bold, dim, underline);
    }

    public CellStyle withBackground(Color value) {
        return new CellStyle(foreground, value, bold, dim, underline);
    }

    public CellStyle withBold(boolean value) {
        return new CellStyle(foreground, background, value, dim, underline);
    }

    public CellStyle withDim(boolean value) {
        return new CellStyle(foreground, background, bold, value, underline);
    }
}
