package dev.opensessions.adapters.tmux;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TmuxListingTest {

    private static String line(String... fields) {
        return String.join(TmuxListing.SEPARATOR, fields);
    }

    private final TmuxSnapshot snapshot = TmuxListing.parse(
            List.of(line("$1", "1700000000", "work", "/home/me/work"), line("$2", "1700000100", "b c", "/tmp")),
            List.of(line("$1", "@1", "0", "1", "160", "bash"), line("$2", "@2", "0", "1", "160", "vim"),
                    line("$2", "@3", "1", "0", "160", "logs")),
            List.of(line("$1", "@1", "%1", "0", "100", "20", "40", "0", "bash", TmuxPane.SIDEBAR_TITLE, "/home/me"),
                    line("$1", "@1", "%2", "1", "101", "139", "40", "21", "bash", "host", "/home/me/work"),
                    line("$2", "@2", "%3", "1", "102", "160", "40", "0", "vim", "t",
                            "/tmp/odd" + TmuxListing.SEPARATOR + "dir"),
                    line("$2", "@3", "%4", "1", "103", "160", "40", "0", "tail", "t", "/tmp"),
                    "a malformed line"),
            List.of(line("1", "$1", "1700000200", "80", "0", ""),
                    line("0", "$2", "1700000300", "200", "50", "/dev/pts/3")));

    @Test
    void sessionsCarryTheirWindowsAndTheirNonSidebarPanes() {
        TmuxSession work = snapshot.session("$1").orElseThrow();
        assertThat(work).isEqualTo(new TmuxSession("$1", "work", Instant.ofEpochSecond(1_700_000_000L),
                "/home/me/work", List.of("@1"), List.of("%2")));
        assertThat(snapshot.session("$2").orElseThrow().windows()).containsExactly("@2", "@3");
        assertThat(snapshot.pane("%1").orElseThrow().sidebar()).isTrue();
        assertThat(snapshot.pane("%2").orElseThrow().left()).isEqualTo(21);
        assertThat(snapshot.windows()).extracting(TmuxWindow::width).containsOnly(160);
    }

    @Test
    void thePathIsLastSoAStraySeparatorInItStaysInThePath() {
        assertThat(snapshot.pane("%3").orElseThrow().path()).isEqualTo("/tmp/odd" + TmuxListing.SEPARATOR + "dir");
        assertThat(snapshot.panes()).hasSize(4);
    }

    @Test
    void controlClientsAreLeftOutAndTheFocusedPaneFollowsTheActiveWindow() {
        assertThat(snapshot.clients()).containsExactly(
                new TmuxClient("/dev/pts/3", "$2", Instant.ofEpochSecond(1_700_000_300L), 200, 50));
        assertThat(snapshot.focusedPane("$2").map(TmuxPane::id)).contains("%3");
        assertThat(TmuxSessionSource.topology(snapshot).focusedPanes())
                .extracting(Object::toString).containsExactly("%3");
    }

    @Test
    void theFallbackForAKilledSessionIsThePreviousDisplayedThenTheNextThenAnyOther() {
        assertThat(TmuxSessionCommands.fallback(snapshot, "$2", List.of("$1", "$2"))).contains("$1");
        assertThat(TmuxSessionCommands.fallback(snapshot, "$1", List.of("$1", "$9", "$2"))).contains("$2");
        assertThat(TmuxSessionCommands.fallback(snapshot, "$1", List.of())).contains("$2");
        assertThat(TmuxSessionCommands.fallback(TmuxSnapshot.empty(), "$1", List.of("$1"))).isEmpty();
    }
}
