package dev.opensessions.adapters.tmux;

import dev.opensessions.application.port.out.SidebarPanes;
import dev.opensessions.application.port.out.SidebarPanesContract;

/** Holds the tmux sidebar panes to the SidebarPanes contract, on a private tmux server with a real client. */
class TmuxSidebarPanesContractTest extends SidebarPanesContract {

    @Override
    protected Stage stage() {
        Sidebars sidebars = Sidebars.withSession("work");
        sidebars.panes.maintain(false, Sidebars.WIDTH);
        sidebars.tmux.run("new-session", "-d", "-s", "other");
        String client = sidebars.tmux.attachClient(sidebars.tmux.sessionId("work"));
        String shown = sidebars.window("work");
        String other = sidebars.window("other");
        sidebars.running.awaitModel(snapshot -> SidebarLayout.windowOf(snapshot, client).isPresent()
                && snapshot.sessions().size() == 2, "the client and both sessions listed");
        return new Stage() {
            @Override
            public SidebarPanes panes() {
                return sidebars.panes;
            }

            @Override
            public String shown() {
                return shown;
            }

            @Override
            public String other() {
                return other;
            }

            @Override
            public String client() {
                return client;
            }

            @Override
            public void closeWindow(String window) {
                sidebars.tmux.run("kill-window", "-t", window);
            }

            @Override
            public void setSideOption(String value) {
                sidebars.tmux.run("set-option", "-g", "@opensessions-position", value);
            }

            @Override
            public void close() {
                sidebars.close();
            }
        };
    }
}
