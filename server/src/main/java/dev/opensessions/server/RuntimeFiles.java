package dev.opensessions.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * The pid and token files of a running server. Only the server that holds the folder's lock writes them
 * ({@link #claim()}), so a second server started beside a running one leaves them alone. Both folder levels
 * must be plain folders of this user (they may sit in a shared /tmp); they are made 0700, and every file
 * is created 0600 under a fresh name and renamed into place, so no link planted in the folder is followed.
 */
final class RuntimeFiles implements AutoCloseable {

    static final String PID = "pid";
    static final String TOKEN = "token";
    static final String SIDEBAR_PORT = "sidebar-port";
    /** Held (an OS lock, gone with the process, even on kill -9) by the server that owns the folder. */
    static final String OWNER_LOCK = "server.lock";

    private final Path dir;
    private FileChannel lockChannel;
    private FileLock lock;

    RuntimeFiles(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    Path dir() {
        return dir;
    }

    /**
     * Takes the folder for this process, before anything is written in it.
     *
     * @throws IllegalStateException when another live server holds it, or the folder is not this user's
     */
    void claim() {
        try {
            createPrivateDirectory();
            Path file = dir.resolve(OWNER_LOCK);
            lockChannel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            lock = lockChannel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException heldHere) {
            lock = null;
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot lock " + dir.resolve(OWNER_LOCK), failure);
        }
        if (lock == null) {
            close();
            throw new IllegalStateException("another opensessions server is running with the runtime folder " + dir
                    + "; this one stops and leaves that server's files alone");
        }
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
            if (lock != null && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    && Files.readString(file).strip().equals(Long.toString(pid))) {
                Files.delete(file);
            }
        } catch (IOException ignored) {
            // Best effort at exit: a stale pid file is detected by the launcher anyway.
        }
    }

    private void writePrivate(String name, String content) {
        if (lock == null) {
            throw new IllegalStateException("runtime files are written only by the server that claimed " + dir);
        }
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
            requireOwnFolder(folder);
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** A folder someone else made (or a link in its place) is refused with one clear message. */
    static void requireOwnFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException("the runtime folder " + folder + " is not a plain folder (a link or a"
                    + " file?); opensessions will not use it. Remove it, or set XDG_RUNTIME_DIR to a private folder");
        }
        UserPrincipal owner = Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal me = folder.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        if (!owner.equals(me)) {
            throw new IllegalStateException("the runtime folder " + folder + " belongs to " + owner.getName()
                    + ", not to you; opensessions will not use it. Remove it, or set XDG_RUNTIME_DIR to a private folder");
        }
    }

    /** Lets the folder go; the OS would release the lock with the process anyway. */
    @Override
    public void close() {
        try {
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException ignored) {
            // Closing a lock file cannot lose anything.
        }
        lock = null;
        lockChannel = null;
    }
}
