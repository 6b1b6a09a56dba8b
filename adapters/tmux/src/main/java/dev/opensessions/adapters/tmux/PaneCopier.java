package dev.opensessions.adapters.tmux;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code pipe-pane} runs in an agent pane: the copier script ({@code bin/opensessions-pipe}), the token file
 * it reads the token from, and the token the server expects in its first line. All three are the server's own.
 */
public record PaneCopier(Path program, Path tokenFile, String token) {

    public PaneCopier {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(tokenFile, "tokenFile");
        if (token == null || !token.matches("[A-Za-z0-9]{32,}")) {
            throw new IllegalArgumentException("the copier's token must be 32 or more letters and digits");
        }
        program = program.toAbsolutePath();
        tokenFile = tokenFile.toAbsolutePath();
    }

    /**
     * The shell command tmux runs for one pane ({@code sh -c}), built only from this copier's paths, the
     * listener's port and a pane id checked as {@code %N}: every word single-quoted for the shell, and
     * {@code #} doubled because {@code pipe-pane} expands formats in its command. {@code exec} spares the
     * shell's process; the script replaces itself with {@code cat}. tmux also passes the expanded command through
     * {@code strftime}, so {@code %} is doubled too: unescaped, {@code '%4'} would reach the shell as
     * {@code ' %4'} (a field width of 4).
     */
    String command(int port, String pane) {
        String id = TmuxNames.paneId(pane);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        String line = String.join(" ", "exec", "bash", shellQuote(program.toString()), Integer.toString(port),
                shellQuote(tokenFile.toString()), shellQuote(id));
        return TmuxCommandLine.literal(line).replace("%", "%%");
    }

    /** The token, hidden: a record would print it. */
    @Override
    public String toString() {
        return "PaneCopier[program=" + program + ", tokenFile=" + tokenFile + ", token=redacted]";
    }

    static String shellQuote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
