package dev.opensessions.server.acceptance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An installed copy of this build: the real {@code bin/opensessions} and {@code bin/opensessions-pane} beside
 * the server package this build made. The launcher rebuilds from a checkout whose sources are newer than
 * the package; a copy keeps it running exactly the package under test, whatever is edited meanwhile.
 */
record Installation(Path root) {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    static Installation of(Path root) throws IOException {
        Path bin = Files.createDirectories(root.resolve("bin"));
        for (String script : new String[] {"opensessions", "opensessions-pane"}) {
            Files.copy(REPO.resolve("bin").resolve(script), bin.resolve(script), StandardCopyOption.COPY_ATTRIBUTES);
        }
        // The launcher sources its address rule from bin/lib (shared with the agent hooks).
        Path lib = Files.createDirectories(bin.resolve("lib"));
        Files.copy(REPO.resolve("bin/lib/address.sh"), lib.resolve("address.sh"), StandardCopyOption.COPY_ATTRIBUTES);
        Path target = Files.createDirectories(root.resolve("server").resolve("target"));
        Path packaged = REPO.resolve("server").resolve("target").resolve("quarkus-app");
        if (!Files.isRegularFile(packaged.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException("no server package in " + packaged + ": run the server module's verify");
        }
        Files.createSymbolicLink(target.resolve("quarkus-app"), packaged);
        return new Installation(root);
    }

    Path launcher() {
        return root.resolve("bin").resolve("opensessions");
    }
}
