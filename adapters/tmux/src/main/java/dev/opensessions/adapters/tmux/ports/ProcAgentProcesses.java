package dev.opensessions.adapters.tmux.ports;

import dev.opensessions.application.port.out.AgentProcessReader.RunningAgent;
import dev.opensessions.domain.agent.screen.AgentProgram;
import dev.opensessions.domain.session.PaneId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds agent programs in the process trees of panes by reading /proc: each pane's shell, then its children
 * as the kernel lists them ({@code /proc/<pid>/task/<tid>/children}), so only the panes' own processes are
 * read, never the whole table (the whole table is read only on a kernel that lists no children). Starts no
 * process.
 */
public final class ProcAgentProcesses {

    private final Path proc;
    private volatile List<AgentProgram> rules;

    /** @param proc the proc file system root, {@code /proc} outside tests */
    public ProcAgentProcesses(Path proc) {
        this(proc, List.of());
    }

    /**
     * @param proc  the proc file system root, {@code /proc} outside tests
     * @param rules the programs the screen rules name, for the agents the built-in table does not list
     */
    public ProcAgentProcesses(Path proc, List<AgentProgram> rules) {
        this.proc = Objects.requireNonNull(proc, "proc");
        this.rules = List.copyOf(rules);
    }

    /** Recognises the programs these rules name from now on (the user's rule files changed). */
    public void programs(List<AgentProgram> programs) {
        this.rules = List.copyOf(programs);
    }

    /** True when this machine has a /proc to read. */
    public boolean available() {
        return Files.isDirectory(proc.resolve("self"));
    }

    /**
     * The agent processes in the trees rooted at each pane's process.
     *
     * @param panes  the pid of each pane's first process
     * @param agents the agents looked for
     */
    public List<RunningAgent> living(Map<PaneId, Long> panes, Set<String> agents) {
        List<RunningAgent> found = new ArrayList<>();
        Map<Long, List<Long>> fallback = null;
        for (Map.Entry<PaneId, Long> pane : panes.entrySet()) {
            long root = pane.getValue();
            if (!Files.isDirectory(proc.resolve(Long.toString(root)))) {
                continue;
            }
            if (fallback == null && !listsChildren(root)) {
                fallback = childrenFromParents();
            }
            for (long pid : tree(root, fallback)) {
                recognise(pid, agents).ifPresent(agent -> found.add(
                        new RunningAgent(agent.agent(), pid, agent.name(), pane.getKey(), cwd(pid))));
            }
        }
        return found;
    }

    private Optional<AgentPrograms.Recognised> recognise(long pid, Set<String> agents) {
        Path dir = proc.resolve(Long.toString(pid));
        try {
            String comm = new String(Files.readAllBytes(dir.resolve("comm")), StandardCharsets.ISO_8859_1).strip();
            byte[] raw = Files.readAllBytes(dir.resolve("cmdline"));
            List<String> argv = raw.length == 0 ? List.of()
                    : Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
            return AgentPrograms.recognise(comm, argv, agents, rules);
        } catch (IOException gone) {
            // The process ended between finding and reading it: it is no agent any more.
            return Optional.empty();
        }
    }

    private String cwd(long pid) {
        try {
            return Files.readSymbolicLink(proc.resolve(Long.toString(pid)).resolve("cwd")).toString();
        } catch (IOException | UnsupportedOperationException unreadable) {
            // Another user's process, or one that just ended: matched by its pane and session only.
            return null;
        }
    }

    /** The root and its descendants, breadth first; a pid reused between two reads cannot loop. */
    private Set<Long> tree(long root, Map<Long, List<Long>> fallback) {
        Set<Long> seen = new LinkedHashSet<>();
        Deque<Long> open = new ArrayDeque<>(List.of(root));
        while (!open.isEmpty()) {
            long pid = open.pop();
            if (seen.add(pid)) {
                open.addAll(fallback != null ? fallback.getOrDefault(pid, List.of()) : children(pid));
            }
        }
        return seen;
    }

    private boolean listsChildren(long pid) {
        Path task = proc.resolve(Long.toString(pid)).resolve("task").resolve(Long.toString(pid));
        return Files.exists(task.resolve("children")) || !Files.isDirectory(task);
    }

    /** Children of every thread of the process: a runtime may start programs from any of its threads. */
    private List<Long> children(long pid) {
        List<Long> children = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve(Long.toString(pid)).resolve("task"))) {
            for (Path task : tasks) {
                try {
                    String text = Files.readString(task.resolve("children"), StandardCharsets.US_ASCII).strip();
                    if (!text.isEmpty()) {
                        Arrays.stream(text.split("\\s+")).map(Long::parseLong).forEach(children::add);
                    }
                } catch (IOException | NumberFormatException gone) {
                    // The thread ended while it was read.
                }
            }
        } catch (IOException gone) {
            // The process ended: it has no children left.
        }
        return children;
    }

    private Map<Long, List<Long>> childrenFromParents() {
        Map<Long, List<Long>> children = new HashMap<>();
        try (Stream<Path> entries = Files.list(proc)) {
            entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> !name.isEmpty() && name.chars().allMatch(Character::isDigit))
                    .forEach(name -> parent(name).ifPresent(parent ->
                            children.computeIfAbsent(parent, key -> new ArrayList<>()).add(Long.parseLong(name))));
        } catch (IOException | UncheckedIOException failed) {
            throw new PortScanException("cannot list " + proc, failed);
        }
        return children;
    }

    private OptionalLong parent(String pid) {
        try {
            return ProcFormats.parentPid(new String(Files.readAllBytes(proc.resolve(pid).resolve("stat")),
                    StandardCharsets.ISO_8859_1));
        } catch (IOException gone) {
            return OptionalLong.empty();
        }
    }
}
