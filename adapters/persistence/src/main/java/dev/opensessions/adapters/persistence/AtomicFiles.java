package dev.opensessions.adapters.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * Replaces a file's content so that a reader, a crash or a concurrent writer only ever sees the old or
 * the new content whole: a temporary file in the same folder, flushed to disk, then renamed over it.
 */
final class AtomicFiles {

    // Linux's own limit for following a chain of links (MAXSYMLINKS).
    private static final int MAX_LINKS = 40;

    private AtomicFiles() {
    }

    /** Writes {@code content} to {@code file}, creating its folder when missing. */
    static void replace(Path file, byte[] content) throws IOException {
        Path target = target(file);
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        try {
            keepPermissions(target, temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * A config kept in a dotfiles repository is often a symlink: the content goes to the file it points
     * to, even one not created yet, and the link stays.
     */
    private static Path target(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(target); hops++) {
            if (hops == MAX_LINKS) {
                throw new FileSystemException(file.toString(), null, "too many levels of symbolic links");
            }
            target = target.resolveSibling(Files.readSymbolicLink(target));
        }
        return target;
    }

    /** The temporary file is created private (0600); an existing file keeps the mode its owner gave it. */
    private static void keepPermissions(Path target, Path temp) throws IOException {
        PosixFileAttributeView existing = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (existing != null && Files.exists(target)) {
            Files.setPosixFilePermissions(temp, existing.readAttributes().permissions());
        }
    }
}
