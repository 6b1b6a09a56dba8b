package dev.opensessions.adapters.tmux;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns an argument vector into one control-mode command line that tmux's own command parser splits back
 * into exactly those arguments, so no input can add a command, expand a variable or change a word.
 */
public final class TmuxCommandLine {

    private TmuxCommandLine() {
    }

    /** One line holding a single tmux command; every word, the command name included, is quoted. */
    public static String of(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a tmux command needs at least its name");
        }
        return argv.stream().map(TmuxCommandLine::quote).collect(Collectors.joining(" "));
    }

    /**
     * Quotes one argument for tmux's parser. Double quotes are used because single quotes cannot hold a
     * single quote; inside them tmux still expands {@code $VAR}, a leading {@code ~} and backslash escapes,
     * so those characters are escaped, and control characters travel as three-digit octal escapes. A line
     * break would end the control-mode line (and an empty line detaches), so it is refused, as is NUL.
     */
    public static String quote(String argument) {
        StringBuilder out = new StringBuilder(argument.length() + 2).append('"');
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c == '\n' || c == '\r' || c == 0) {
                throw new IllegalArgumentException("a tmux argument cannot contain a line break or NUL");
            }
            switch (c) {
                case '\\', '"', '$', '~' -> out.append('\\').append(c);
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append('\\').append(String.format("%03o", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Makes text survive the format expansion some commands apply to their arguments (the name given to
     * {@code new-session -s} and {@code rename-session}, start directories ({@code -c}), pane and popup titles
     * ({@code -T})): {@code #} is doubled so {@code #{session_name}} stays literal text instead of being replaced
     * by tmux. These commands keep {@code %} as it is, so it is left alone here; for {@link #message} it is not.
     */
    public static String literal(String text) {
        return text.replace("#", "##");
    }

    /**
     * Makes text survive {@code display-message}, the one command we send whose text tmux also passes through
     * {@code strftime(3)} before expanding its formats: there {@code %H} would become the hour and {@code %4} a
     * padded {@code " %4"}. So {@code %} is doubled as well as {@code #}. The rule, checked against tmux 3.3a:
     * only the text of {@code display-message} (and of {@code pipe-pane}, which we do not send) goes through
     * {@code strftime}; names, titles, directories, option values and the values formats print (a session named
     * {@code %H} listed by {@code #{session_name}}) are never expanded a second time.
     */
    public static String message(String text) {
        return literal(text).replace("%", "%%");
    }
}
