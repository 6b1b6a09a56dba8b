package dev.opensessions.adapters.tmux;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * What a case about programs in the panes of a real private tmux server stands on: a scratch folder for the
 * stand-in programs, and the adapter running on a tmux with the session {@code base}, stopped after the case.
 */
abstract class InPaneTest {

    @TempDir
    Path dir;

    Running running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    /** Starts tmux with the session {@code base} and the adapter on it. */
    void startTmux() {
        running = Running.withSession("base");
    }
}
