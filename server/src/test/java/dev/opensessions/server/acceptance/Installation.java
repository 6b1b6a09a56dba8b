package dev.opensessions.server.acceptance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An installed copy of this build: the real {@code bin/opensessions}, {@code bin/opensessions-pane}, {@code bin/opensessions-pipe} and the tmux
 * plugin ({@code opensessions.tmux}, {@code integrations/tmux-plugin}) beside the server package this build
 * made. The launcher rebuilds from a checkout whose sources are newer than the package; a copy keeps it
 * running exactly the package under test, whatever is edited meanwhile.
 */
public record Installation(Path root) {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    public static Installation of(Path root) throws IOException {
        Path bin = Files.createDirectories(root.resolve("bin"));
        for (String script : new String[] {"opensessions", "opensessions-pane", "opensessions-pipe"}) {
            Files.copy(REPO.resolve("bin").resolve(script), bin.resolve(script), StandardCopyOption.COPY_ATTRIBUTES);
        }
        // The launcher sources its address rule (shared with the agent hooks), help, API and doctor from bin/lib.
        Path lib = Files.createDirectories(bin.resolve("lib"));
        try (var sourced = Files.newDirectoryStream(REPO.resolve("bin/lib"), "*.sh")) {
            for (Path file : sourced) {
                Files.copy(file, lib.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        copyPlugin(root);
        Path target = Files.createDirectories(root.resolve("server").resolve("target"));
        Path packaged = REPO.resolve("server").resolve("target").resolve("quarkus-app");
        if (!Files.isRegularFile(packaged.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException("no server package in " + packaged + ": run the server module's verify");
        }
        Files.createSymbolicLink(target.resolve("quarkus-app"), packaged);
        return new Installation(root);
    }

    public Path launcher() {
        return root.resolve("bin").resolve("opensessions");
    }

    /** A copy without the server package, as a fresh clone is before its first build. */
    static Installation unpackaged(Path root) throws IOException {
        copyPlugin(root);
        return new Installation(root);
    }

    /**
     * A copy as a fresh clone is before its first build, whose build tool is a stand-in: the launcher's own
     * build step runs ({@code ensure_build}: the "building" message, {@code ./mvnw ... package}, the check
     * that the package is there), but {@code ./mvnw} only waits {@code seconds}, as a build takes a while,
     * and then links the package this build made, instead of running Maven for minutes.
     */
    static Installation unbuilt(Path root, int seconds) throws IOException {
        copyPlugin(root);
        Path packaged = REPO.resolve("server").resolve("target").resolve("quarkus-app");
        if (!Files.isRegularFile(packaged.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException("no server package in " + packaged + ": run the server module's verify");
        }
        Path mvnw = root.resolve("mvnw");
        Files.writeString(mvnw, """
                #!/bin/sh
                # A stand-in for Maven: takes a while, then "packages" the server by linking a built package.
                sleep %d
                mkdir -p server/target && ln -s '%s' server/target/quarkus-app
                """.formatted(seconds, packaged));
        Files.setPosixFilePermissions(mvnw, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        return new Installation(root);
    }

    /** The TPM entry point ({@code run-shell} runs it from tmux.conf). */
    Path plugin() {
        return root.resolve("opensessions.tmux");
    }

    /** One of the tmux plugin's scripts, such as {@code uninstall.sh}. */
    Path pluginScript(String name) {
        return root.resolve("integrations/tmux-plugin/scripts").resolve(name);
    }

    /** The tmux plugin: its entry point, its scripts, and all of bin (the launcher, the pane shim, the sessionizer). */
    private static void copyPlugin(Path root) throws IOException {
        copyTree(REPO.resolve("bin"), root.resolve("bin"));
        copyTree(REPO.resolve("integrations/tmux-plugin"), root.resolve("integrations/tmux-plugin"));
        Files.copy(REPO.resolve("opensessions.tmux"), root.resolve("opensessions.tmux"),
                StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path copy = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
