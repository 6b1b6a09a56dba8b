package dev.opensessions.adapters.tmux;

import dev.opensessions.adapters.tmux.git.GitProcesses;
import dev.opensessions.adapters.tmux.git.GitReader;
import dev.opensessions.adapters.tmux.git.GitStatusCache;
import dev.opensessions.adapters.tmux.ports.ListeningPorts;
import dev.opensessions.adapters.tmux.ports.PortScanner;
import dev.opensessions.domain.session.GitStatus;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What tmux does not know about a session but the sidebar shows: the git state of its directory and
 * the ports its panes listen on. Follows each tmux snapshot (which directories and pane processes
 * matter) and says when either changed; git is recomputed when a repository changes or a pane's
 * foreground program changes (an editor exiting is how file edits usually end), ports only while
 * someone displays them, sooner after a pane starts another program or panes come and go.
 * Only visible sessions are watched: a hidden session keeps its last git status and is read again once it is
 * shown (or a client switches to it).
 */
public final class SessionFacts implements AutoCloseable {

    /** How often ports are scanned at most while displayed. */
    public static final Duration PORT_INTERVAL = Duration.ofSeconds(10);

    private final GitStatusCache git;
    private final PortScanner ports;
    private volatile Map<String, GitStatus> gitByDirectory = Map.of();
    private volatile Map<Long, SortedSet<Integer>> portsByPid = Map.of();
    private volatile Runnable changed = () -> { };
    private Map<String, String> commandByPane = Map.of();
    private TmuxSnapshot followed = TmuxSnapshot.empty();
    private Set<String> hidden = Set.of();

    private SessionFacts(boolean live, Duration portInterval) {
        this.git = live ? new GitStatusCache(new GitReader(new GitProcesses()), this::gitChanged) : null;
        this.ports = live ? PortScanner.withOwnThread(ListeningPorts.forThisMachine(), portInterval, this::portsChanged)
                : null;
    }

    /** Git and ports of this machine. */
    public static SessionFacts live(Duration portInterval) {
        return new SessionFacts(true, portInterval);
    }

    /** No git and no ports: sessions carry only what tmux knows. */
    public static SessionFacts none() {
        return new SessionFacts(false, PORT_INTERVAL);
    }

    /** Who to tell when a git status or a port set changed. */
    void onChange(Runnable listener) {
        changed = listener;
    }

    /**
     * The names of the sessions the user hid: their working trees are not watched, unless a client shows
     * that session.
     */
    public synchronized void hidden(Set<String> names) {
        Set<String> now = Set.copyOf(names);
        if (git == null || now.equals(hidden)) {
            return;
        }
        hidden = now;
        track(followed);
    }

    /** Tracks the directories and pane processes of the snapshot's sessions. */
    synchronized void follow(TmuxSnapshot snapshot) {
        if (git == null) {
            return;
        }
        followed = snapshot;
        Map<String, String> directoryByPane = track(snapshot);
        Set<Long> roots = new HashSet<>();
        Map<String, String> commands = new HashMap<>();
        boolean programsChanged = false;
        for (TmuxPane pane : snapshot.panes()) {
            if (!pane.sidebar() && pane.pid() > 0) {
                roots.add(pane.pid());
            }
            commands.put(pane.id(), pane.command());
            String before = commandByPane.get(pane.id());
            String directory = directoryByPane.get(pane.id());
            if (before != null && !before.equals(pane.command())) {
                programsChanged = true;
                if (directory != null) {
                    git.refresh(directory);
                }
            }
        }
        boolean panesChanged = !commands.keySet().equals(commandByPane.keySet());
        commandByPane = commands;
        ports.setRoots(roots);
        if (programsChanged || panesChanged) {
            ports.nudge();
        }
    }

    /** Tracks every session's directory, watching those of visible sessions; answers each pane's directory. */
    private Map<String, String> track(TmuxSnapshot snapshot) {
        Set<String> directories = new HashSet<>();
        Set<String> watched = new HashSet<>();
        Map<String, String> directoryByPane = new HashMap<>();
        for (TmuxSession session : snapshot.sessions()) {
            if (!session.directory().isBlank()) {
                directories.add(session.directory());
                if (!hidden.contains(session.name()) || !snapshot.clientsOn(session.id()).isEmpty()) {
                    watched.add(session.directory());
                }
                session.panes().forEach(pane -> directoryByPane.put(pane, session.directory()));
            }
        }
        git.track(directories, watched);
        return directoryByPane;
    }

    /** Whether anybody displays the sessions right now; ports are scanned only while true. */
    public void displayed(boolean value) {
        if (ports != null) {
            ports.setDemand(value);
        }
    }

    GitStatus git(String directory) {
        return gitByDirectory.get(directory);
    }

    /** The ports listened on by any of these pane processes or their descendants, ascending. */
    List<Integer> ports(Collection<Long> panePids) {
        SortedSet<Integer> all = new TreeSet<>();
        Map<Long, SortedSet<Integer>> current = portsByPid;
        panePids.forEach(pid -> all.addAll(current.getOrDefault(pid, new TreeSet<>())));
        return List.copyOf(all);
    }

    private void gitChanged(Map<String, GitStatus> statuses) {
        gitByDirectory = Map.copyOf(statuses);
        changed.run();
    }

    private void portsChanged(Map<Long, SortedSet<Integer>> scanned) {
        portsByPid = Map.copyOf(scanned);
        changed.run();
    }

    @Override
    public void close() {
        if (git != null) {
            git.close();
            ports.close();
        }
    }
}
