package dev.opensessions.server.integrations;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/** Builds a PATH folder holding only chosen real tools and stand-ins, so a test controls what a script finds. */
final class Tools {

    private Tools() {
    }

    /** A folder linking exactly these tools of the current PATH (the test fails when one is missing). */
    static Path only(Path folder, String... names) throws IOException {
        Files.createDirectories(folder);
        for (String name : names) {
            Path real = Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
                    .map(dir -> Path.of(dir, name))
                    .filter(Files::isExecutable)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(name + " is not installed"));
            Files.createSymbolicLink(folder.resolve(name), real);
        }
        return folder;
    }

    /** Adds an executable stand-in script named {@code name} to the folder. */
    static Path stub(Path folder, String name, String script) throws IOException {
        Path stub = folder.resolve(name);
        Files.writeString(stub, script);
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        return stub;
    }
}
