package dev.opensessions.server.acceptance;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Session names holding what tmux could read as its own syntax ({@code %} strftime conversions, {@code #},
 * {@code ;}, quotes, spaces, non-ASCII) are shown by the sidebar as written, a key press switches to them, and a
 * rename outside follows (docs/explanation/tmux-control-mode.md#commands-are-argument-vectors).
 */
class OddNamesIT extends AcceptanceTest {

    /** A session's name line as {@link SidebarScreen} reads it, except that the name may hold spaces. */
    private static final Pattern ROW = Pattern.compile("^(.)(?: [│╰])? +(\\d\\d) (\\S) (\\S(?:.*\\S)?)\\s*$");

    private static final String OFF = "50%off #1";
    private static final String CLOCK = "%H %4;'q'";
    private static final String RENAMED = "ünï %d \"x\"";
    private static final String PROJECT = "%H 50%off #2";

    @Test
    void aSessionNamedWithPercentAndHashIsShownAsWrittenAndSwitchedToByItsKey() throws Exception {
        String alpha = session("alpha");
        session(OFF);
        session(CLOCK);
        TerminalClient client = attach("alpha");
        String sidebar = startFrom(alpha);

        awaitScreen(sidebar, s -> Set.copyOf(rows(s)).equals(Set.of("alpha", OFF, CLOCK)), "the names as written");

        tmux.keys(sidebar, index(screen(sidebar), OFF));
        awaitClientOn(client, OFF);
        String offSidebar = paintedSidebarIn(tmux.windows(OFF).getFirst());
        awaitScreen(offSidebar, s -> marker(s, OFF).equals(Optional.of('▌')), OFF + " is current in its sidebar");

        tmux.run("rename-session", "-t", "=" + OFF, RENAMED);
        SidebarScreen renamed = awaitScreen(offSidebar, s -> Set.copyOf(rows(s)).equals(Set.of("alpha", RENAMED, CLOCK))
                && marker(s, RENAMED).equals(Optional.of('▌')), "the new name, still current");

        tmux.keys(offSidebar, index(renamed, CLOCK));
        awaitClientOn(client, CLOCK);
    }

    @Test
    void aSessionOpenedFromAFolderNamedWithPercentAndHashIsNamedAndPlacedAsWritten() throws Exception {
        assumeFalse(onPath("fzf"), "with fzf, n opens the fzf sessionizer instead of the built-in picker");
        Path projects = Files.createDirectories(home.resolve("projects"));
        Path folder = Files.createDirectories(projects.resolve(PROJECT));
        String alpha = session("alpha");
        opensessions.environment("SESSIONIZER_DIR", projects.toString());
        TerminalClient client = attach("alpha");
        String sidebar = startFrom(alpha);

        tmux.keys(sidebar, "n");
        awaitScreen(sidebar, s -> s.text().contains(PROJECT), "the picker lists the folder");
        tmux.keys(sidebar, "Enter");

        awaitClientOn(client, PROJECT);
        assertThat(tmux.format("=" + PROJECT + ":", "#{session_path}")).isEqualTo(folder.toRealPath().toString());
        String projectSidebar = paintedSidebarIn(tmux.windows(PROJECT).getFirst());
        awaitScreen(projectSidebar, s -> marker(s, PROJECT).equals(Optional.of('▌')), PROJECT + " is current");
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(folder -> !folder.isEmpty() && Files.isExecutable(Path.of(folder, program)));
    }

    /** The key that switches to the session: the last digit of its two-digit index. */
    private static String index(SidebarScreen screen, String name) {
        return screen.lines().stream().map(ROW::matcher).filter(row -> row.matches() && row.group(4).equals(name))
                .map(row -> row.group(2).substring(1)).findFirst().orElseThrow(() -> new AssertionError(screen.text()));
    }

    private static List<String> rows(SidebarScreen screen) {
        List<String> names = new ArrayList<>();
        for (String line : screen.lines()) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                names.add(row.group(4));
            }
        }
        return names;
    }

    private static Optional<Character> marker(SidebarScreen screen, String name) {
        return screen.lines().stream().map(ROW::matcher).filter(row -> row.matches() && row.group(4).equals(name))
                .map(row -> row.group(1).charAt(0)).findFirst();
    }
}
