package dev.opensessions.server.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The conformance run on the corpus of real agent records ({@code ../shared/fixtures/agents-real}, described by
 * its README and {@code cases.tsv}): every case placed where its agent writes it, in a tmux server of its own
 * with one session per case whose pane runs a stand-in process named like the agent's binary, the packaged
 * server started from a pane with a private home, and {@code /api/state} read 8 s and 20 s after the files
 * land. {@code bench/agents-real.sh} runs {@link #main} and {@code AgentsRealIT} runs {@link #run}: one
 * placement for both.
 */
public final class AgentsReal {

    /** When the statuses are read, counted from the moment the last file landed. */
    static final Duration FIRST_LOOK = Duration.ofSeconds(8);
    static final Duration SECOND_LOOK = Duration.ofSeconds(20);
    static final Map<String, String> BINARIES = Map.of("claude-code", "claude", "codex", "codex",
            "pi", "pi", "opencode", "opencode", "kilo", "kilo", "amp", "amp", "droid", "droid");
        private static final ObjectMapper JSON = new ObjectMapper();

    /** One row of {@code cases.tsv}. */
    record Case(String agent, String name, String file, String origCwd, String truth, Set<String> accept) {
    }

    /** What the session of one case showed for the case's agent at each look ({@code -} for no thread). */
    record Row(Case c, String first, String second) {
        boolean firstRight() {
            return c.accept().contains(first);
        }

        boolean secondRight() {
            return c.accept().contains(second);
        }
    }

    /** Every case's row, in the order of {@code cases.tsv}. */
    record Outcome(List<Row> rows) {
        long rightFirst() {
            return rows.stream().filter(Row::firstRight).count();
        }

        long rightSecond() {
            return rows.stream().filter(Row::secondRight).count();
        }

        boolean allRight() {
            return rightFirst() == rows.size() && rightSecond() == rows.size();
        }

        String table() {
            StringBuilder out = new StringBuilder("case|agent|true|shown at 8 s|shown at 20 s|ok\n");
            for (Row row : rows) {
                out.append(String.join("|", row.c().name(), row.c().agent(), row.c().truth(), row.first(),
                        row.second(), row.firstRight() && row.secondRight() ? "yes"
                                : row.firstRight() ? "no (20 s)" : row.secondRight() ? "no (8 s)" : "no"))
                        .append('\n');
            }
            return out.append(summary()).append('\n').toString();
        }

        String summary() {
            return rightFirst() + " of " + rows.size() + " right at 8 s, " + rightSecond() + " of " + rows.size()
                    + " at 20 s";
        }
    }

    private AgentsReal() {
    }

    /** {@code AgentsReal [corpus]}: prints the table, exits 1 when any case is wrong (run from {@code server/}). */
    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../../shared/fixtures/agents-real").toAbsolutePath();
        if (!Files.isRegularFile(corpus.resolve("cases.tsv"))) {
            System.err.println("agents-real: no cases.tsv in " + corpus);
            System.exit(2);
        }
        Path scratch = Files.createTempDirectory("agents-real-");
        Outcome outcome;
        try {
            outcome = run(corpus, scratch);
        } catch (Exception | AssertionError failed) {
            System.err.println("agents-real: the run failed: " + failed);
            System.exit(2);
            return;
        } finally {
            delete(scratch);
        }
        System.out.print(outcome.table());
        System.exit(outcome.allRight() ? 0 : 1);
    }

    /** Places every case of the corpus under {@code scratch} and reads what the server shows for each. */
    static Outcome run(Path corpus, Path scratch) throws Exception {
        List<Case> cases = cases(corpus.resolve("cases.tsv"));
        Path home = Files.createDirectories(scratch.resolve("home"));
        Path work = Files.createDirectories(scratch.resolve("w"));
        Path bin = AgentsRealPlacement.standIns(Files.createDirectories(scratch.resolve("bin")));
        Map<String, Path> dirs = new LinkedHashMap<>();
        PrivateTmux tmux = new PrivateTmux(scratch.resolve("tmux.sock"));
        Opensessions opensessions = null;
        try {
            String first = null;
            for (Case c : cases) {
                Path dir = Files.createDirectories(work.resolve(c.name()));
                dirs.put(c.name(), dir);
                String pane = tmux.newSession(c.name(), dir, bin.resolve(BINARIES.get(c.agent())).toString(),
                        "infinity");
                first = first == null ? pane : first;
            }
            System.err.println("agents-real: " + cases.size() + " sessions made, starting the server");
            opensessions = new Opensessions(home, tmux);
            opensessions.start(first);
            Opensessions server = opensessions;
            Eventually.until(() -> sessionNames(server.state()).containsAll(dirs.keySet()), Duration.ofSeconds(60),
                    "every case's session listed", server::state);
            for (Case c : cases) {
                AgentsRealPlacement.place(corpus, home, c, dirs);
            }
            AgentsRealPlacement.runSql(corpus, home, "opencode", dirs);
            AgentsRealPlacement.runSql(corpus, home, "kilo", dirs);
            Instant landed = Instant.now();
            System.err.println("agents-real: every file landed, reading the state at 8 s and 20 s");
            Map<String, String> first8 = lookAt(opensessions, cases, landed.plus(FIRST_LOOK));
            Map<String, String> then20 = lookAt(opensessions, cases, landed.plus(SECOND_LOOK));
            return new Outcome(cases.stream().map(c -> new Row(c, first8.get(c.name()), then20.get(c.name())))
                    .toList());
        } finally {
            try {
                if (opensessions != null) {
                    opensessions.close();
                }
            } finally {
                tmux.close();
                // The link to the package goes first, so that cleaning the scratch folder never reaches it.
                Files.deleteIfExists(home.resolve("install/server/target/quarkus-app"));
            }
        }
    }

    static List<Case> cases(Path tsv) throws IOException {
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.getFirst().split("\t", -1));
        List<Case> cases = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < cells.length; i++) {
                row.put(header.get(i), cells[i]);
            }
            cases.add(new Case(row.get("agent"), row.get("case"), row.get("file"), row.get("orig_cwd"),
                    row.get("true_status"), Set.of(row.get("accept").split("\\|"))));
        }
        return cases;
    }

    /** Waits until {@code at}, then reads each case's status; that instant is the measurement, not a poll. */
    private static Map<String, String> lookAt(Opensessions server, List<Case> cases, Instant at) throws IOException {
        Duration left = Duration.between(Instant.now(), at);
        if (!left.isNegative()) {
            LockSupport.parkNanos(left.toNanos());
        }
        JsonNode state = JSON.readTree(server.state());
        Map<String, String> shown = new LinkedHashMap<>();
        for (Case c : cases) {
            shown.put(c.name(), shown(state, c));
        }
        return shown;
    }

    /**
     * The status of the case's agent in the case's own session: {@code -} when it shows none, the statuses
     * joined by {@code +} when it shows several threads of that agent (a subagent listed as a thread of its own).
     */
    static String shown(JsonNode state, Case c) {
        List<String> statuses = new ArrayList<>();
        for (JsonNode session : state.path("sessions")) {
            if (c.name().equals(session.path("name").asText())) {
                for (JsonNode agent : session.path("agents")) {
                    if (c.agent().equals(agent.path("agent").asText())) {
                        statuses.add(agent.path("status").asText());
                    }
                }
            }
        }
        return statuses.isEmpty() ? "-" : String.join("+", statuses);
    }

    private static Set<String> sessionNames(String state) {
        try {
            JsonNode json = JSON.readTree(state.isEmpty() ? "{}" : state);
            Set<String> names = new HashSet<>();
            json.path("sessions").forEach(s -> names.add(s.path("name").asText()));
            return names;
        } catch (IOException unreadable) {
            return Set.of();
        }
    }

    private static void delete(Path root) throws IOException {
        Files.deleteIfExists(root.resolve("home/install/server/target/quarkus-app"));
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
