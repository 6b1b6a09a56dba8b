package dev.opensessions.sidebar.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Just enough of a terminal to read what the runtime drew: cursor positioning, clear, text, and the private
 * modes set; colours are skipped. Built from all bytes received so far, so splits do not matter.
 */
final class TestScreen {

    private final char[][] cells;
    private final Set<String> modes = new HashSet<>();
    private int row;
    private int column;

    private TestScreen(int width, int height) {
        cells = new char[height][width];
        clear();
    }

    static TestScreen of(byte[] bytes, int width, int height) {
        TestScreen screen = new TestScreen(width, height);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == 0x1b && i + 1 < text.length() && text.charAt(i + 1) == '[') {
                int end = i + 2;
                while (end < text.length() && (text.charAt(end) < 0x40 || text.charAt(end) > 0x7e)) {
                    end++;
                }
                if (end < text.length()) {
                    screen.control(text.substring(i + 2, end), text.charAt(end));
                }
                i = end + 1;
            } else {
                screen.put(c);
                i++;
            }
        }
        return screen;
    }

    /** One row, trailing blanks cut. */
    String row(int y) {
        return new String(cells[y]).stripTrailing();
    }

    /** True when {@code ESC [ ? <mode>} was last set ({@code h}) rather than reset ({@code l}). */
    boolean mode(String mode) {
        return modes.contains(mode);
    }

    private void control(String params, char finalByte) {
        switch (finalByte) {
            case 'H' -> {
                String[] parts = params.isEmpty() ? new String[] {"1", "1"} : params.split(";");
                row = Integer.parseInt(parts[0]) - 1;
                column = parts.length > 1 ? Integer.parseInt(parts[1]) - 1 : 0;
            }
            case 'J' -> clear();
            case 'h' -> modes.add(params);
            case 'l' -> modes.remove(params);
            default -> {
            }
        }
    }

    private void put(char c) {
        if (row >= 0 && row < cells.length && column >= 0 && column < cells[row].length) {
            cells[row][column] = c;
        }
        column++;
    }

    private void clear() {
        for (char[] line : cells) {
            Arrays.fill(line, ' ');
        }
    }
}
