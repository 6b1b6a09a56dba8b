package dev.opensessions.adapters.persistence;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files only their owner may read or write (mode 0600): the database, which holds the users' prompts. */
final class PrivateFiles {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates the file 0600, or takes group and other access away from an existing one; never follows a link. */
    static void createOrRestrict(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException exists) {
            if (Files.isSymbolicLink(file)) {
                throw new IOException(file + " is a symbolic link; opensessions keeps its database in a plain file");
            }
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (!OWNER_ONLY.containsAll(mode)) {
                mode.retainAll(OWNER_ONLY);
                Files.setPosixFilePermissions(file, mode);
            }
        } catch (UnsupportedOperationException notPosix) {
            // A file system without POSIX modes has nothing to restrict.
        }
    }
}
