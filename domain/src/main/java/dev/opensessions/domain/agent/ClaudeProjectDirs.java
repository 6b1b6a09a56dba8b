package dev.opensessions.domain.agent;

import java.util.Objects;
import java.util.Optional;

/**
 * The lossy folder names Claude Code gives project directories, and the {@code __encoded__:}
 * token a source reports when such a name cannot be decoded back to a directory that exists.
 */
public final class ClaudeProjectDirs {

    /** Marks a project directory known only by its encoded folder name. */
    public static final String ENCODED_PREFIX = "__encoded__:";

    private ClaudeProjectDirs() {
    }

    /**
     * The folder name Claude Code uses for a directory: {@code /}, {@code .} and {@code _} all become
     * {@code -}. A trailing slash is dropped first, because Claude encodes its cwd, which never has one.
     */
    public static String encode(String dir) {
        Objects.requireNonNull(dir, "dir");
        String trimmed = dir;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.replace('/', '-').replace('.', '-').replace('_', '-');
    }

    /** The project directory to report for a folder name that could not be decoded. */
    public static String token(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.isEmpty()) {
            throw new IllegalArgumentException("encoded folder name is empty");
        }
        return ENCODED_PREFIX + encoded;
    }

    /** The encoded folder name a project directory carries, when it is such a token. */
    public static Optional<String> encodedPart(String projectDir) {
        if (projectDir == null || !projectDir.startsWith(ENCODED_PREFIX)
                || projectDir.length() == ENCODED_PREFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(projectDir.substring(ENCODED_PREFIX.length()));
    }

    /** True when a directory, encoded, gives this folder name. */
    public static boolean matches(String dir, String encoded) {
        return dir != null && !dir.isBlank() && encode(dir).equals(encoded);
    }
}
