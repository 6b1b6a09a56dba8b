package dev.opensessions.sidebar.view;

/** A cell colour: the terminal's own default, or a true colour from a theme. */
public sealed interface Color {

    /** The terminal's default foreground or background (the {@code transparent} theme uses it). */
    record Default() implements Color {

        // Written out, like Cell's and CellStyle's: compared for every cell of every frame.
        @Override
        public boolean equals(Object other) {
            return other instanceof Default;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    record Rgb(int red, int green, int blue) implements Color {

        public Rgb {
            if ((red | green | blue) < 0 || red > 255 || green > 255 || blue > 255) {
                throw new IllegalArgumentException("colour channels are 0..255");
            }
        }

        @Override
        public boolean equals(Object other) {
            return this == other || other instanceof Rgb rgb && red == rgb.red && green == rgb.green && blue == rgb.blue;
        }

        @Override
        public int hashCode() {
            return red << 16 | green << 8 | blue;
        }

        /** From {@code #rrggbb}. */
        public static Rgb hex(String hex) {
            int value = Integer.parseInt(hex.startsWith("#") ? hex.substring(1) : hex, 16);
            return new Rgb(value >> 16 & 0xff, value >> 8 & 0xff, value & 0xff);
        }
    }

    Color DEFAULT = new Default();
}
