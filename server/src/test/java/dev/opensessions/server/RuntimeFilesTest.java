package dev.opensessions.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuntimeFilesTest {

    @TempDir
    Path tmp;

    @Test
    void tokenIsReadableByTheUserOnlyAndFoldersArePrivate() throws Exception {
        RuntimeFiles files = new RuntimeFiles(tmp.resolve("opensessions-1000").resolve("default"));
        files.claim();

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

        RuntimeFiles files = new RuntimeFiles(dir);
        files.claim();
        files.writePid(4242);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(Files.readString(dir.resolve(RuntimeFiles.PID))).isEqualTo("4242");
    }

    @Test
    void pidFileIsRemovedOnlyByTheProcessItNames() throws Exception {
        RuntimeFiles files = new RuntimeFiles(tmp.resolve("run").resolve("7"));
        files.claim();
        files.writePid(100);

        files.removePid(200);
        assertThat(files.dir().resolve(RuntimeFiles.PID)).exists();

        files.removePid(100);
        assertThat(files.dir().resolve(RuntimeFiles.PID)).doesNotExist();
    }

    @Test
    void aSecondServerBesideARunningOneWritesNothingAndRemovesNothing() throws Exception {
        Path dir = tmp.resolve("opensessions-1000").resolve("default");
        RuntimeFiles first = new RuntimeFiles(dir);
        first.claim();
        first.writeToken("a".repeat(64));
        first.writeSidebarPort(4000);
        first.writePid(100);

        RuntimeFiles second = new RuntimeFiles(dir);
        assertThatThrownBy(second::claim).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another opensessions server is running");
        assertThatThrownBy(() -> second.writeToken("b".repeat(64))).isInstanceOf(IllegalStateException.class);
        second.removePid(100);

        assertThat(Files.readString(dir.resolve(RuntimeFiles.TOKEN))).isEqualTo("a".repeat(64));
        assertThat(Files.readString(dir.resolve(RuntimeFiles.SIDEBAR_PORT))).isEqualTo("4000");
        assertThat(Files.readString(dir.resolve(RuntimeFiles.PID))).isEqualTo("100");
        first.close();
    }

    @Test
    void aRuntimeFolderThatIsALinkIsRefused() throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Path parent = Files.createDirectories(tmp.resolve("opensessions-1000"));
        Files.createSymbolicLink(parent.resolve("default"), elsewhere);

        assertThatThrownBy(() -> new RuntimeFiles(parent.resolve("default")).claim())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a plain folder");
        assertThat(elsewhere).isEmptyDirectory();
    }

    @Test
    void aLinkPlantedAtAFileNameIsReplacedNotFollowed() throws Exception {
        Path dir = tmp.resolve("opensessions-1000").resolve("default");
        RuntimeFiles files = new RuntimeFiles(dir);
        files.claim();
        Path victim = Files.writeString(tmp.resolve("victim"), "keep");
        Files.createSymbolicLink(dir.resolve(RuntimeFiles.TOKEN), victim);

        files.writeToken("a".repeat(64));

        assertThat(Files.readString(victim)).isEqualTo("keep");
        assertThat(Files.isSymbolicLink(dir.resolve(RuntimeFiles.TOKEN))).isFalse();
        files.close();
    }
}
