package dev.opensessions.adapters.agents.claude;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decodes a Claude Code project folder name. Claude replaces {@code /}, {@code .} and {@code _} of
 * the cwd with {@code -}, so the name is lossy: the decoding is trusted only when it names an existing
 * directory, else the name is kept as {@code __encoded__:<name>} for the core to match against encoded
 * session directories.
 */
public final class ClaudeProjectDir {

    public static final String ENCODED_PREFIX = "__encoded__:";

    private ClaudeProjectDir() {
    }

    public static String decode(String folderName) {
        String decoded = folderName.replace('-', '/');
        if (decoded.startsWith("/") && Files.isDirectory(Path.of(decoded))) {
            return decoded;
        }
        return ENCODED_PREFIX + folderName;
    }
}
