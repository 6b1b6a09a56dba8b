package dev.opensessions.server;

import dev.opensessions.adapters.tmux.TmuxAdapter;
import dev.opensessions.application.security.ControlToken;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;

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
    private final WatchedNotificationSettings notificationSettings;
    private final Optional<TmuxAdapter> tmux;
    /** How long a stop waits for the attaching thread, so nothing attaches to a closing core. */
    private static final Duration ATTACH_WAIT = Duration.ofSeconds(10);

    /** How long the attach waits for tmux's first listing: generous, as on a loaded machine. */
    private static final Duration FIRST_LISTING_WAIT = Duration.ofSeconds(5);

    private final long pid = ProcessHandle.current().pid();
    private volatile Thread attaching;

    ServerRuntime(Core core, SidebarHost sidebars, ControlToken token, ServerSettings settings,
                  WatchedNotificationSettings notificationSettings, Optional<TmuxAdapter> tmux) {
        this.core = core;
        this.tmux = tmux;
        this.notificationSettings = notificationSettings;
        this.sidebars = sidebars;
        this.token = token;
        this.files = new RuntimeFiles(settings.runtimeDir());
    }

    /**
     * Quarkus opens the HTTP port only once this returns, so it does what a request or a sidebar's first frame
     * needs and hands the rest (tmux's sessions, git, agent sources) to a thread of its own: {@code /version}
     * answers and sidebars paint while that streams in (docs/explanation/performance.md, "Start").
     */
    void onStart(@Observes StartupEvent started) {
        // First of all: a second server beside a running one must stop before it touches anything.
        files.claim();
        core.start();
        notificationSettings.start();
        // The pid comes last: it tells the launcher the server takes requests, and a pane shim started on a
        // request made with the token must find the sidebar port already written. tmux's sessions may still be
        // on their way: a request that needs them waits for tmux's first listing.
        files.writeSidebarPort(sidebars.start());
        files.writeToken(token.value());
        files.writePid(pid);
        LOG.infof("opensessions server ready %d ms after the JVM started; runtime files in %s", sinceJvmStart(),
                files.dir());
        attaching = Thread.ofPlatform().name("opensessions-attach").start(this::attach);
    }

    private void attach() {
        try {
            // The control client first: until it is attached, commands that need it wait for it (a sidebar
            // connecting now waits for its pane's size) and the sessions are those stored.
            // tmux's first listing before the sidebars' side and visibility are restored: the windows clients
            // look at now count as seen, so a start opens no sidebar by itself.
            tmux.ifPresent(adapter -> {
                if (!adapter.start().awaitFirstListing(FIRST_LISTING_WAIT)) {
                    LOG.warnf("tmux did not list its sessions within %s; attaching anyway", FIRST_LISTING_WAIT);
                }
            });
            core.attach();
            LOG.infof("tmux sessions and agent sources attached %d ms after the JVM started", sinceJvmStart());
        } catch (RuntimeException failed) {
            // As a failure inside the start event would: the server must not run half attached.
            LOG.error("attaching tmux and the agent sources failed; stopping", failed);
            Quarkus.asyncExit(1);
        }
    }

    void onStop(@Observes ShutdownEvent stopping) {
        Thread pending = attaching;
        if (pending != null) {
            try {
                pending.join(ATTACH_WAIT);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        sidebars.close();
        files.removePid(pid);
        files.close();
    }

    private static long sinceJvmStart() {
        return ProcessAge.millis();
    }
}
