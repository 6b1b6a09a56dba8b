package dev.opensessions.server;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * Finds the checkout the server runs from, whose {@code bin/} holds the pane shim that sidebar panes run:
 * {@code OPENSESSIONS_DIR} when the launcher (or the TPM script) set it, else the nearest folder above the
 * server's own jar that has {@code bin/opensessions-pane}, else the working folder.
 */
final class InstallDir {

    static final String SHIM = "bin/opensessions-pane";

    private InstallDir() {
    }

    static Path locate(String configured, Optional<Path> code) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = code.map(Path::toAbsolutePath).orElse(null); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(SHIM))) {
                return dir;
            }
        }
        return Path.of("").toAbsolutePath();
    }

    /**
     * Where this class was loaded from (a jar or a classes folder), if the JVM says, else the first entry of the
     * class path ({@code quarkus-run.jar} under {@code java -jar}): a class taken from a JDK AOT cache may have a
     * code source without a location.
     */
    static Optional<Path> codeLocation() {
        return codeLocation(InstallDir.class.getProtectionDomain().getCodeSource(),
                System.getProperty("java.class.path", ""));
    }

    static Optional<Path> codeLocation(CodeSource source, String classPath) {
        if (source != null && source.getLocation() != null) {
            try {
                return Optional.of(Path.of(source.getLocation().toURI()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                // fall back to the class path
            }
        }
        String first = classPath.split(File.pathSeparator, -1)[0];
        try {
            return first.isBlank() ? Optional.empty() : Optional.of(Path.of(first));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
