package dev.opensessions.server.acceptance;

import dev.opensessions.domain.agent.ClaudeProjectDirs;
import dev.opensessions.server.acceptance.AgentsReal.Case;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the cases of the corpus of real agent records where each agent writes its own (see the corpus's
 * README): every file at a temporary name renamed into place, the recorded working directory replaced byte
 * for byte by the case's own, the database agents' scripts run into their databases.
 */
final class AgentsRealPlacement {

    private static final Pattern NOW_MINUS = Pattern.compile("\\{NOW_MINUS_([0-9]+)}");

    private AgentsRealPlacement() {
    }

    /** A copy of {@code sleep} under each agent's binary name, so a pane runs a process named like the agent. */
    static Path standIns(Path bin) throws IOException {
        Path sleep = Stream.of("/usr/bin/sleep", "/bin/sleep").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElseThrow(() -> new IllegalStateException("no sleep binary to copy"));
        for (String name : Set.copyOf(AgentsReal.BINARIES.values())) {
            Path copy = bin.resolve(name);
            Files.copy(sleep, copy, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return bin;
    }

    /** Writes one case's file(s) where its agent writes them; the database agents are placed by {@link #runSql}. */
    static void place(Path corpus, Path home, Case c, Map<String, Path> dirs) throws IOException {
        Path dir = dirs.get(c.name());
        Path source = corpus.resolve(c.agent()).resolve(c.file());
        switch (c.agent()) {
            case "claude-code" -> {
                Path folder = home.resolve(".claude/projects").resolve(ClaudeProjectDirs.encode(dir.toString()));
                String stem = c.file().replaceFirst("\\.jsonl$", "");
                // A Task subagent's transcript lies in <session-id>/subagents/ beside its parent.
                Path subagents = corpus.resolve(c.agent()).resolve(stem);
                if (Files.isDirectory(subagents)) {
                    try (Stream<Path> files = Files.walk(subagents)) {
                        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                            write(folder.resolve(stem).resolve(subagents.relativize(file).toString()),
                                    replaced(file, c.origCwd(), dir));
                        }
                    }
                }
                write(folder.resolve(c.file()), replaced(source, c.origCwd(), dir));
            }
            case "codex" -> {
                LocalDate today = LocalDate.now();
                write(home.resolve(".codex/sessions").resolve("%04d".formatted(today.getYear()))
                        .resolve("%02d".formatted(today.getMonthValue()))
                        .resolve("%02d".formatted(today.getDayOfMonth())).resolve(c.file()),
                        replaced(source, c.origCwd(), dir));
            }
            case "pi" -> write(home.resolve(".pi/agent/sessions")
                    .resolve("--" + dir.toString().substring(1).replace('/', '-') + "--").resolve(c.file()),
                    freshPiId(replaced(source, c.origCwd(), dir), c.file()));
            case "amp" -> write(home.resolve(".local/share/amp/threads").resolve(c.file()),
                    replaced(source, c.origCwd(), dir));
            case "droid" -> {
                Path folder = home.resolve(".factory/sessions").resolve(ClaudeProjectDirs.encode(dir.toString()));
                String id = c.file().replaceFirst("\\.jsonl$", "");
                write(folder.resolve(id + ".settings.json"), "{\"model\":\"glm-5.2\",\"reasoningEffort\":\"high\"}\n"
                        .getBytes(StandardCharsets.UTF_8));
                write(folder.resolve(c.file()), replaced(source, c.origCwd(), dir));
            }
            case "opencode", "kilo" -> {
                // one script per agent builds every case of that agent, see runSql
            }
            default -> throw new IllegalArgumentException("unknown agent " + c.agent() + " in case " + c.name());
        }
    }

    /** Builds {@code ~/.local/share/<agent>/<agent>.db} from the agent's script, at a temporary name first. */
    static void runSql(Path corpus, Path home, String agent, Map<String, Path> dirs)
            throws IOException, SQLException {
        Path script = corpus.resolve(agent).resolve(agent + ".sql");
        if (!Files.isRegularFile(script)) {
            return;
        }
        String sql = Files.readString(script, StandardCharsets.UTF_8);
        long now = System.currentTimeMillis();
        Matcher minus = NOW_MINUS.matcher(sql);
        sql = minus.replaceAll(m -> Long.toString(now - Long.parseLong(m.group(1))));
        sql = sql.replace("{NOW}", Long.toString(now));
        for (Map.Entry<String, Path> dir : dirs.entrySet()) {
            sql = sql.replace("{DIR_" + dir.getKey() + "}", dir.getValue().toString());
        }
        Path db = home.resolve(".local/share").resolve(agent).resolve(agent + ".db");
        Files.createDirectories(db.getParent());
        Path temporary = db.resolveSibling("." + agent + ".db.tmp");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + temporary);
             Statement statement = connection.createStatement()) {
            for (String one : sql.split(";\\s*\\n")) {
                if (!one.isBlank()) {
                    statement.execute(one);
                }
            }
            // Back to a rollback journal, so that the renamed file holds every row on its own.
            statement.execute("PRAGMA journal_mode=DELETE");
        }
        Files.move(temporary, db, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Several Pi cases are cut from one real session and share its header's id; Pi names a session file
     * {@code <time>_<id>.jsonl}, so the header takes the id of the file's own name, as a fresh session would.
     */
    private static byte[] freshPiId(byte[] bytes, String file) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String id = file.substring(file.indexOf('_') + 1).replaceFirst("\\.jsonl$", "");
        int end = text.indexOf('\n');
        String header = text.substring(0, end).replaceFirst("\"id\":\"[^\"]*\"", "\"id\":\"" + id + "\"");
        return (header + text.substring(end)).getBytes(StandardCharsets.UTF_8);
    }

    /** The file's bytes with every occurrence of the recorded working directory replaced by the case's own. */
    private static byte[] replaced(Path file, String origCwd, Path dir) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.replace(origCwd, dir.toString()).getBytes(StandardCharsets.UTF_8);
    }

    /** Writes at a temporary name beside the target and renames it into place, as the agents do. */
    private static void write(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.write(temporary, bytes);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
