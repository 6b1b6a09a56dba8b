package dev.opensessions.server.acceptance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tmux plugin's scripts that work on the layout alone, run against a private tmux with no opensessions
 * server: a pane titled as the server titles sidebars stands in for a sidebar.
 */
class TmuxPluginScriptsTest {

    private static final int SIDEBAR_WIDTH = 30;

    @TempDir
    Path home;
    private PrivateTmux tmux;
    private TerminalClient client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        if (tmux != null) {
            tmux.close();
        }
    }

    @Test
    void evenHorizontalSpreadsTheContentPanesAndKeepsALeftSidebarAndItsWidth() throws Exception {
        String main = windowWithUnevenPanes();
        String sidebar = sidebarBeside(main, "-hbf");

        assertThat(script("even-horizontal.sh", tmux.windowOf(main), main).exit()).isZero();

        List<Pane> panes = panes(tmux.windowOf(main));
        assertThat(panes.getFirst()).isEqualTo(new Pane(sidebar, 0, 0, SIDEBAR_WIDTH, PrivateTmux.ROWS));
        assertEvenRow(panes.subList(1, panes.size()), SIDEBAR_WIDTH + 1);
        assertThat(tmux.format(tmux.windowOf(main), "#{pane_id}")).as("the active pane stays").isEqualTo(main);
    }

    @Test
    void evenHorizontalKeepsARightSidebarOnTheRight() throws Exception {
        String main = windowWithUnevenPanes();
        String sidebar = sidebarBeside(main, "-hf");

        assertThat(script("even-horizontal.sh", tmux.windowOf(main), main).exit()).isZero();

        List<Pane> panes = panes(tmux.windowOf(main));
        assertThat(panes.getLast()).isEqualTo(new Pane(sidebar, PrivateTmux.COLUMNS - SIDEBAR_WIDTH, 0, SIDEBAR_WIDTH,
                PrivateTmux.ROWS));
        assertEvenRow(panes.subList(0, panes.size() - 1), 0);
    }

    @Test
    void evenHorizontalLeavesAWindowWithTwoSidebarsAsItIs() throws Exception {
        String main = windowWithUnevenPanes();
        sidebarBeside(main, "-hbf");
        sidebarBeside(main, "-hf");
        String before = tmux.format(tmux.windowOf(main), "#{window_layout}");

        assertThat(script("even-horizontal.sh", tmux.windowOf(main), main).exit()).isZero();

        assertThat(tmux.format(tmux.windowOf(main), "#{window_layout}")).isEqualTo(before);
    }

    @Test
    void switchIndexOutsideOneToNineIsReportedOnTheClientAndStartsNothing() throws Exception {
        String main = tmux().newSession("alpha", home);
        client = TerminalClient.attach(tmux, "alpha");

        TmuxCommand zero = script("switch-index.sh", "0", client.tty(), main);
        TmuxCommand ten = script("switch-index.sh", "10", client.tty(), main);

        assertThat(zero.exit()).isEqualTo(1);
        assertThat(ten.exit()).isEqualTo(1);
        String messages = tmux.run("show-messages", "-t", client.tty());
        assertThat(messages).contains("opensessions: switch-index takes a session number from 1 to 9, not '0'")
                .contains("not '10'");
        assertThat(home.resolve("run")).as("no server was started").isEmptyDirectory();
    }

    private PrivateTmux tmux() {
        if (tmux == null) {
            tmux = new PrivateTmux(home.resolve("tmux.sock"));
        }
        return tmux;
    }

    /** A window of three content panes of unequal sizes, one below another; returns the first. */
    private String windowWithUnevenPanes() {
        String main = tmux().newSession("alpha", home);
        String right = tmux.splitRight(main);
        tmux.run("split-window", "-v", "-d", "-t", right);
        tmux.run("resize-pane", "-t", main, "-x", "40");
        return main;
    }

    /** A full-height pane on one side of the window, titled as the server titles its sidebars. */
    private String sidebarBeside(String pane, String side) {
        String sidebar = tmux.run("split-window", side, "-l", Integer.toString(SIDEBAR_WIDTH), "-d", "-t", pane,
                "-P", "-F", "#{pane_id}").strip();
        tmux.run("select-pane", "-t", sidebar, "-T", PrivateTmux.SIDEBAR_TITLE);
        return sidebar;
    }

    private static void assertEvenRow(List<Pane> contents, int firstLeft) {
        assertThat(contents).hasSize(3).allSatisfy(pane -> {
            assertThat(pane.top()).isZero();
            assertThat(pane.height()).isEqualTo(PrivateTmux.ROWS);
        });
        int narrowest = contents.stream().mapToInt(Pane::width).min().orElseThrow();
        int widest = contents.stream().mapToInt(Pane::width).max().orElseThrow();
        assertThat(widest - narrowest).as("content widths " + contents).isLessThanOrEqualTo(1);
        assertThat(contents.getFirst().left()).isEqualTo(firstLeft);
        int used = contents.stream().mapToInt(Pane::width).sum() + contents.size() - 1;
        assertThat(used).isEqualTo(PrivateTmux.COLUMNS - SIDEBAR_WIDTH - 1);
    }

    /** The window's panes from left to right. */
    private List<Pane> panes(String window) {
        List<Pane> panes = new ArrayList<>();
        tmux.run("list-panes", "-t", window, "-F", "#{pane_id} #{pane_left} #{pane_top} #{pane_width} #{pane_height}")
                .lines().map(line -> line.split(" ")).forEach(f -> panes.add(new Pane(f[0], Integer.parseInt(f[1]),
                        Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]))));
        panes.sort((a, b) -> Integer.compare(a.left(), b.left()));
        return panes;
    }

    private TmuxCommand script(String name, String... arguments) throws IOException, InterruptedException {
        // A copy without a server package: a script that wrongly started one could only fail, never reach this checkout.
        Installation installation = Installation.unpackaged(home.resolve("install"));
        List<String> argv = new ArrayList<>(List.of(installation.pluginScript(name).toString()));
        argv.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().put("TMUX", tmux.socket() + ",1,0");
        builder.environment().remove("TMUX_PANE");
        builder.environment().put("XDG_RUNTIME_DIR", Files.createDirectories(home.resolve("run")).toString());
        builder.environment().put("OPENSESSIONS_PORT", "1");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " hung");
        }
        return new TmuxCommand(process.exitValue(), output);
    }

    /** Where a pane sits in its window, in cells. */
    private record Pane(String id, int left, int top, int width, int height) {
    }
}
