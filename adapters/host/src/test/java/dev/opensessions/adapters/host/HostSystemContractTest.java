package dev.opensessions.adapters.host;

import dev.opensessions.application.port.out.LocalSystem;
import dev.opensessions.application.port.out.LocalSystemContract;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * Holds the host system to the LocalSystem contract on real folders: a PATH and project roots in a temporary
 * folder, and an opener that writes down the URL it was given.
 */
class HostSystemContractTest extends LocalSystemContract {

    @TempDir
    Path temp;

    @Override
    protected Stage stage() {
        Path bin = temp.resolve("bin");
        Path projects = temp.resolve("projects");
        Path opened = temp.resolve("opened");
        HostSystem host = new HostSystem(Map.of("PATH", bin.toString(), "SESSIONIZER_DIR", projects.toString(),
                "HOME", temp.toString()));
        return new Stage() {
            @Override
            public LocalSystem system() {
                return host;
            }

            @Override
            public void install(String program) {
                // Builtins only: the opener runs with nothing but this PATH.
                write(bin.resolve(program), "#!/bin/sh\nprintf '%s' \"$1\" > '" + opened + "'\n");
            }

            @Override
            public String project(String name) {
                try {
                    return Files.createDirectories(projects.resolve(name)).toString();
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            }

            @Override
            public Optional<String> lastOpened() {
                try {
                    return Files.exists(opened) ? Optional.of(Files.readString(opened)) : Optional.empty();
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            }
        };
    }

    private static void write(Path program, String script) {
        try {
            Files.createDirectories(program.getParent());
            Files.writeString(program, script);
            Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
