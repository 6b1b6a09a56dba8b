package dev.opensessions.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The pid and token files of a running server (DESIGN 2 and 7). The folder is private to the user (0700)
 * and the token file is created 0600 before the token is written, so it is never readable by others.
 */
final class RuntimeFiles {

    static final String PID = "pid";
    static final String TOKEN = "token";
    static final String SIDEBAR_PORT = "sidebar-port";

    private final Path dir;

    RuntimeFiles(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    Path dir() {
        return dir;
    }

    void writePid(long pid) {
        writePrivate(PID, Long.toString(pid));
    }

    void writeToken(String token) {
        writePrivate(TOKEN, token);
    }

    void writeSidebarPort(int port) {
        writePrivate(SIDEBAR_PORT, Integer.toString(port));
    }

    /** Removes the pid file, but only if it still names this process (a newer server may own it now). */
    void removePid(long pid) {
        Path file = dir.resolve(PID);
        try {
            if (Files.exists(file) && Files.readString(file).strip().equals(Long.toString(pid))) {
                Files.delete(file);
            }
        } catch (IOException ignored) {
            // Best effort at exit: a stale pid file is detected by the launcher anyway.
        }
    }

    private void writePrivate(String name, String content) {
        try {
            createPrivateDirectory();
            Path temp = dir.resolve("." + name + "." + ProcessHandle.current().pid());
            Files.deleteIfExists(temp);
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot write " + dir.resolve(name), failure);
        }
    }

    private void createPrivateDirectory() throws IOException {
        // Both levels (opensessions-<uid>/<label>) are private: they may sit in a shared /tmp.
        Files.createDirectories(dir.getParent().getParent());
        createPrivate(dir.getParent());
        createPrivate(dir);
    }

    private static void createPrivate(Path folder) throws IOException {
        try {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException exists) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
