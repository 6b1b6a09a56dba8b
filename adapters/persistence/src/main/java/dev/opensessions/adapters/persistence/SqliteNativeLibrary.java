package dev.opensessions.adapters.persistence;

import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * sqlite-jdbc's native library, unpacked once into a private folder and loaded from there. Left alone,
 * sqlite-jdbc copies the library out of its jar into the temporary folder at every start and then compares
 * the copy with the jar byte by byte, before the JIT has compiled anything: part of every start's time
 * (docs/explanation/performance.md, "Start"). Given {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name}
 * it loads the named file instead.
 *
 * <p>The folder is named after sqlite-jdbc's version and the platform, so another version never loads a copy
 * that is not its own; it and the file are the user's only (0700, 0600), because whoever can write them runs
 * code in the server. The copy is written beside its final name and renamed, so a start that was stopped
 * half-way never leaves a short file to be loaded later. Whatever goes wrong, nothing is set and sqlite-jdbc
 * unpacks the library itself as before.
 */
public final class SqliteNativeLibrary {

    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private SqliteNativeLibrary() {
    }

    /**
     * Makes sqlite-jdbc load its library from an unpacked copy under {@code parent}, unpacking it first when
     * there is none; must run before the first SQLite connection opens. Returns the library file, or empty
     * when sqlite-jdbc is left to unpack it itself (the library is not in the jar, as in a native executable,
     * the folder cannot be used, or the properties were already given).
     */
    public static Optional<Path> useUnpackedCopy(Path parent) {
        if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
            return Optional.empty();
        }
        String folder = LibraryLoaderUtil.getNativeLibResourcePath();
        String name = LibraryLoaderUtil.getNativeLibName();
        Path dir = parent.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion()
                + folder.replace("/org/sqlite/native", "").replace('/', '-'));
        Path library = dir.resolve(name);
        try {
            if (!isOwnPlainFile(library) && !unpack(folder + "/" + name, dir, library)) {
                return Optional.empty();
            }
        } catch (IOException | UnsupportedOperationException | SecurityException unusable) {
            return Optional.empty();
        }
        System.setProperty(PATH_PROPERTY, dir.toString());
        System.setProperty(NAME_PROPERTY, name);
        return Optional.of(library);
    }

    private static boolean unpack(String resource, Path dir, Path library) throws IOException {
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                return false;
            }
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            if (!isOwnPlainDirectory(dir)) {
                return false;
            }
            Path partial = Files.createTempFile(dir, name(library), ".part",
                    PosixFilePermissions.asFileAttribute(PrivateFiles.OWNER_ONLY));
            try {
                try (OutputStream out = Files.newOutputStream(partial)) {
                    in.transferTo(out);
                }
                Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        return isOwnPlainFile(library);
    }

    /** A plain file (no link) of this user that nobody else may write, in such a folder. */
    private static boolean isOwnPlainFile(Path file) throws IOException {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) > 0
                && ownedAndPrivate(file) && isOwnPlainDirectory(file.getParent());
    }

    private static boolean isOwnPlainDirectory(Path dir) throws IOException {
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && ownedAndPrivate(dir);
    }

    /** Owned by the user the server runs as (the owner of /proc/self), and writable by nobody else. */
    private static boolean ownedAndPrivate(Path path) throws IOException {
        Object uid = Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        return uid.equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"))
                && !mode.contains(PosixFilePermission.GROUP_WRITE) && !mode.contains(PosixFilePermission.OTHERS_WRITE);
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }
}
