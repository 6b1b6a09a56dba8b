package dev.opensessions.adapters.tmux;

import dev.opensessions.application.port.out.SessionSource;
import dev.opensessions.application.port.out.SessionSourceContract;

/** Holds the tmux session source to the SessionSource contract, on a private tmux server. */
class TmuxSessionSourceContractTest extends SessionSourceContract {

    @Override
    protected Stage stage() {
        Running running = Running.withSession("alpha");
        return new Stage() {
            @Override
            public SessionSource source() {
                return running.adapter.sessionSource();
            }

            @Override
            public void createSession(String name) {
                running.tmux.run("new-session", "-d", "-s", name);
            }

            @Override
            public void close() {
                running.close();
            }
        };
    }
}
