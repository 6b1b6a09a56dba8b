package dev.opensessions.sidebar.view;

import java.util.Objects;

/** How one cell is drawn. */
public record CellStyle(Color foreground, Color background, boolean bold, boolean dim, boolean underline) {

    public static final CellStyle PLAIN = new CellStyle(Color.DEFAULT, Color.DEFAULT, false, false, false);

    public CellStyle {
        Objects.requireNonNull(foreground, "foreground");
        Objects.requireNonNull(background, "background");
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
