package dev.opensessions.adapters.tmux;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ControlParserTest {

    private final ControlParser parser = new ControlParser();

    private List<ControlEvent> feed(String... lines) {
        List<ControlEvent> events = new ArrayList<>();
        for (String line : lines) {
            parser.accept(line).ifPresent(events::add);
        }
        return events;
    }

    @Test
    void replyCollectsOutputIncludingLinesThatLookLikeNotifications() {
        assertThat(feed("%begin 1795568706 272 1", "%3", "%end 1 2 3", "%end 1795568706 272 1"))
                .containsExactly(new ControlEvent.Reply(272, true, true, List.of("%3", "%end 1 2 3")));
    }

    @Test
    void errorBlockIsAFailedReply() {
        assertThat(feed("%begin 17 288 1", "parse error: unknown command: x", "%error 17 288 1"))
                .containsExactly(new ControlEvent.Reply(288, true, false, List.of("parse error: unknown command: x")));
    }

    @Test
    void theStartCommandsBlockIsNotFromTheClient() {
        assertThat(feed("%begin 17 267 0", "%end 17 267 0"))
                .containsExactly(new ControlEvent.Reply(267, false, true, List.of()));
    }

    @Test
    void notificationsOutsideBlocksKeepTheirArguments() {
        List<ControlEvent> events = feed("%session-renamed $1 tw o", "%sessions-changed",
                "%subscription-changed cmd $1 @1 0 %1 : %1 bash");
        assertThat(events).containsExactly(
                new ControlEvent.Notification("session-renamed", "$1 tw o"),
                new ControlEvent.Notification("sessions-changed", ""),
                new ControlEvent.Notification("subscription-changed", "cmd $1 @1 0 %1 : %1 bash"));
        assertThat(((ControlEvent.Notification) events.getFirst()).words(2)).containsExactly("$1", "tw o");
    }

    @Test
    void exitEndsTheStream() {
        assertThat(feed("%exit", "%exit server exited"))
                .containsExactly(new ControlEvent.Exit(""), new ControlEvent.Exit("server exited"));
    }

    @Test
    void strayOutputOutsideBlocksIsIgnored() {
        assertThat(feed("garbage", "")).isEmpty();
    }
}
