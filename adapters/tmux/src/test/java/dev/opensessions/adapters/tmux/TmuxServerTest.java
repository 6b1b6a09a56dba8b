package dev.opensessions.adapters.tmux;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TmuxServerTest {

    @Test
    void theSocketIsTheTmuxVariableBeforeTheFirstComma() {
        assertThat(TmuxServer.fromTmuxVariable("tmux", "/tmp/tmux-1000/my,sock,4242,3").command("ls"))
                .containsExactly("tmux", "-N", "-S", "/tmp/tmux-1000/my", "ls");
    }

    @Test
    void withoutTmuxTheDefaultSocketIsUsed() {
        assertThat(TmuxServer.fromTmuxVariable("tmux", null).command("ls")).containsExactly("tmux", "-N", "ls");
        assertThat(TmuxServer.fromTmuxVariable("tmux", "").socketOptions()).isEmpty();
    }

    @Test
    void aNamedServerUsesDashL() {
        assertThat(TmuxServer.named("/usr/bin/tmux", "work").socketOptions()).isEqualTo(List.of("-L", "work"));
    }
}
