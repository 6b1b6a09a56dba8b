package dev.opensessions.server;

import dev.opensessions.application.security.ControlToken;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Starts the core and the sidebar listener with the application and writes the runtime files scripts
 * rely on: the token (0600), the sidebar port, and the pid, which is removed again on a clean exit. A
 * server that cannot claim the runtime folder (another one runs) stops before it writes anything.
 */
@Singleton
public class ServerRuntime {

    private static final Logger LOG = Logger.getLogger(ServerRuntime.class);

    private final Core core;
    private final SidebarHost sidebars;
    private final ControlToken token;
    private final RuntimeFiles files;
    private final long pid = ProcessHandle.current().pid();

    ServerRuntime(Core core, SidebarHost sidebars, ControlToken token, ServerSettings settings) {
        this.core = core;
        this.sidebars = sidebars;
        this.token = token;
        this.files = new RuntimeFiles(settings.runtimeDir());
    }

    void onStart(@Observes StartupEvent started) {
        // First of all: a second server beside a running one must stop before it touches anything.
        files.claim();
        core.start();
        // The pid comes last: it tells the launcher everything is in place, and a pane shim started on a
        // request made with the token must find the sidebar port already written.
        files.writeSidebarPort(sidebars.start());
        files.writeToken(token.value());
        files.writePid(pid);
        LOG.infof("opensessions server ready; runtime files in %s", files.dir());
    }

    void onStop(@Observes ShutdownEvent stopping) {
        sidebars.close();
        files.removePid(pid);
        files.close();
    }
}
