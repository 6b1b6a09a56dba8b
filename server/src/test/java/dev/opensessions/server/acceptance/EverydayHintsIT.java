package dev.opensessions.server.acceptance;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sidebar says instead of cutting or failing silently, on a real attached terminal whose keys and
 * clicks go through tmux: agents beyond the detail panel's height are counted on a {@code +N more} line, and
 * a click on a port on a machine without {@code xdg-open} says so in the sidebar.
 */
class EverydayHintsIT extends AcceptanceTest {

    private static final Pattern MORE = Pattern.compile("\\+(\\d+) more");
    private static final int AGENTS = 30;

    @Test
    void agentsBeyondTheDetailPanelAreCountedOnAMoreLine() throws Exception {
        String pane = session("alpha");
        session("beta");
        attach("alpha");
        String sidebar = startFrom(pane);

        for (int i = 1; i <= AGENTS; i++) {
            assertThat(opensessions.agentEventIn("alpha", "codex", "running", "job-%02d".formatted(i)))
                    .isEqualTo(204);
        }

        // Once all of them are in the panel's count (a frame may show the state before the last event).
        SidebarScreen screen = awaitScreen(sidebar, s -> MORE.matcher(s.text()).find()
                && s.text().contains("agents " + AGENTS) && s.text().contains("job-"),
                "all the agents counted, those that do not fit on a hint line");
        Matcher more = MORE.matcher(screen.text());
        assertThat(more.find()).isTrue();
        long drawn = Stream.iterate(1, i -> i + 1).limit(AGENTS)
                .filter(i -> screen.text().contains("job-%02d".formatted(i))).count();
        assertThat(drawn).as(screen.text()).isPositive();
        assertThat(Integer.parseInt(more.group(1))).as(screen.text()).isEqualTo(AGENTS - drawn);
    }

    @Test
    void clickingAPortWithoutXdgOpenSaysSoInTheSidebar() throws Exception {
        String pane = session("alpha");
        session("beta");
        opensessions.environment("PATH", pathWithout("xdg-open").toString());
        TerminalClient client = attach("alpha");
        tmux.run("set-option", "-g", "mouse", "on");
        int port = freePort();
        // Setting the scene: a program in alpha's pane that listens on a port.
        tmux.run("send-keys", "-t", pane, "exec python3 -m http.server " + port + " --bind 127.0.0.1", "Enter");
        String sidebar = startFrom(pane);
        String link = "⌁" + port;
        SidebarScreen listed = awaitScreen(sidebar, s -> s.text().contains(link), "alpha's port shown");
        List<String> lines = listed.lines();
        int row = -1;
        for (int i = 0; i < lines.size() && row < 0; i++) {
            if (lines.get(i).contains(link)) {
                row = i;
            }
        }
        int column = lines.get(row).indexOf(link);
        int left = Integer.parseInt(tmux.format(sidebar, "#{pane_left}"));
        int top = Integer.parseInt(tmux.format(sidebar, "#{pane_top}"));

        client.click(left + column + 1, top + row);

        SidebarScreen told = awaitScreen(sidebar, s -> s.text().contains("cannot open the port"),
                "the sidebar says why no browser opened");
        assertThat(told.text().replaceAll("\\s+", " ")).as(told.text()).contains("xdg-open");
    }

    /**
     * A folder of links to every program on this PATH but {@code program}, so the server started with it as
     * PATH runs as on a machine where that program was never installed.
     */
    private Path pathWithout(String program) throws IOException {
        Path bin = Files.createDirectories(home.resolve("path-without-" + program));
        for (String folder : System.getenv("PATH").split(":")) {
            Path dir = Path.of(folder);
            if (folder.isEmpty() || !Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> programs = Files.list(dir)) {
                for (Path found : programs.toList()) {
                    Path link = bin.resolve(found.getFileName().toString());
                    boolean first = !Files.exists(link, LinkOption.NOFOLLOW_LINKS);
                    if (first && !found.getFileName().toString().equals(program)) {
                        Files.createSymbolicLink(link, found);
                    }
                }
            }
        }
        assertThat(bin.resolve(program)).doesNotExist();
        return bin;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
