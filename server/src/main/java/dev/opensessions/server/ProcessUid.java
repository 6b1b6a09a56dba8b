package dev.opensessions.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real user id of this process, which names the runtime folder ({@code opensessions-<uid>}) exactly as the
 * launcher's {@code id -u} does. Read with public APIs only, so that a native image links: the {@code Uid:}
 * line of {@code /proc/self/status} on Linux, else {@code OPENSESSIONS_UID} (the launcher exports it), else the
 * owner of the user's home folder.
 */
final class ProcessUid {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessUid() {
    }

    static long current(Map<String, String> env) {
        return fromStatus(readStatus())
                .or(() -> parse(env.get("OPENSESSIONS_UID")))
                .or(ProcessUid::homeOwner)
                .orElseThrow(() -> new IllegalStateException(
                        "cannot tell this process's user id: no /proc/self/status, no OPENSESSIONS_UID"));
    }

    /** The real uid, the first number of the {@code Uid:} line of a {@code /proc/<pid>/status} text. */
    static Optional<Long> fromStatus(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith("Uid:")).findFirst()
                .map(line -> line.substring("Uid:".length()).strip().split("\\s+")[0])
                .flatMap(ProcessUid::parse);
    }

    private static List<String> readStatus() {
        try {
            return Files.readAllLines(STATUS);
        } catch (IOException | SecurityException absent) {
            return List.of();
        }
    }

    private static Optional<Long> parse(String value) {
        if (value == null || !value.matches("\\d{1,10}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value));
    }

    private static Optional<Long> homeOwner() {
        try {
            Object uid = Files.getAttribute(Path.of(System.getProperty("user.home", "/")), "unix:uid");
            return uid instanceof Integer id ? Optional.of(id.longValue()) : Optional.empty();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException none) {
            return Optional.empty();
        }
    }
}
