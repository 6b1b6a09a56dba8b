package dev.opensessions.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class RuntimeFilesTest {

    @TempDir
    Path tmp;

    @Test
    void tokenIsReadableByTheUserOnlyAndFoldersArePrivate() throws Exception {
        RuntimeFiles files = new RuntimeFiles(tmp.resolve("opensessions-1000").resolve("default"));

        files.writeToken("a".repeat(64));

        Path token = files.dir().resolve(RuntimeFiles.TOKEN);
        assertThat(Files.readString(token)).isEqualTo("a".repeat(64));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.dir()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.dir().getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void aLooselyPermittedExistingFolderIsTightened() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("opensessions-1000").resolve("default"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));

        new RuntimeFiles(dir).writePid(4242);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(Files.readString(dir.resolve(RuntimeFiles.PID))).isEqualTo("4242");
    }

    @Test
    void pidFileIsRemovedOnlyByTheProcessItNames() throws Exception {
        RuntimeFiles files = new RuntimeFiles(tmp.resolve("run").resolve("7"));
        files.writePid(100);

        files.removePid(200);
        assertThat(files.dir().resolve(RuntimeFiles.PID)).exists();

        files.removePid(100);
        assertThat(files.dir().resolve(RuntimeFiles.PID)).doesNotExist();
    }
}
