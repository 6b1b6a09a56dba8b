package dev.opensessions.adapters.agents.claude;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ClaudeProjectDirTest {

    @TempDir
    Path dir;

    @Test
    void aFolderNameThatDecodesToAnExistingDirectoryIsThatDirectory() throws IOException {
        // @TempDir names contain a dash, which the encoding cannot carry: use a dash-free folder instead.
        Path base = Files.createTempDirectory("osagents");
        try {
            Path project = Files.createDirectories(base.resolve("src/shop"));
            String encoded = project.toString().replace('/', '-');

            assertThat(ClaudeProjectDir.decode(encoded)).isEqualTo(project.toString());
        } finally {
            Files.delete(base.resolve("src/shop"));
            Files.delete(base.resolve("src"));
            Files.delete(base);
        }
    }

    @Test
    void aLossyNameStaysEncoded() throws IOException {
        Files.createDirectories(dir.resolve("my-app"));
        String encoded = dir.resolve("my-app").toString().replace('/', '-');

        assertThat(ClaudeProjectDir.decode(encoded)).isEqualTo("__encoded__:" + encoded);
    }
}
