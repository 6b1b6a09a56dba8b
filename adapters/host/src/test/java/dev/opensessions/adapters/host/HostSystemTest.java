package dev.opensessions.adapters.host;

import dev.opensessions.application.testkit.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostSystemTest {

    @TempDir
    Path temp;

    @Test
    void onlyBareNamesOfExecutableFilesOnThePathAreAvailable() throws IOException {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        executable(bin.resolve("tool"), "#!/bin/sh\n");
        Files.writeString(bin.resolve("plain"), "not a program");
        Files.createDirectories(bin.resolve("folder"));
        HostSystem host = new HostSystem(Map.of("PATH", temp.resolve("nowhere") + "::" + bin));

        assertThat(host.available("tool")).isTrue();
        assertThat(host.available("plain")).as("not executable").isFalse();
        assertThat(host.available("folder")).isFalse();
        assertThat(host.available("missing")).isFalse();
        assertThat(host.available(bin.resolve("tool").toString())).as("a path, not a name").isFalse();
        assertThat(host.available("../bin/tool")).isFalse();
        assertThat(host.available("")).isFalse();
        assertThat(new HostSystem(Map.of()).available("sh")).as("no PATH, nothing found").isFalse();
    }

    @Test
    void aLocalUrlGoesToTheOpenerAsOneArgumentAndAnythingElseIsRefused() throws IOException {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path out = temp.resolve("opened.txt");
        executable(bin.resolve("xdg-open"), "#!/bin/sh\nprintf '%s|' \"$#\" \"$@\" > '" + out + "'\n");
        HostSystem host = new HostSystem(Map.of("PATH", bin.toString()), "Linux");

        for (String refused : List.of("http://example.com", "https://localhost:3000", "file:///etc/passwd",
                "http://localhost:3000/$(touch x)", "http://localhost:3000 --new-window", "http://localhost:")) {
            assertThatThrownBy(() -> host.openUrl(refused)).as(refused).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(host.openUrl("http://localhost:3000")).as("handed over").isEmpty();

        Await.until(() -> Files.exists(out) && !read(out).isEmpty(), Duration.ofSeconds(5), "opener ran");
        assertThat(read(out)).isEqualTo("1|http://localhost:3000|");
    }

    @Test
    void withoutAnOpenerTheAnswerSaysSoAndNamesTheUrl() throws IOException {
        Path bin = Files.createDirectories(temp.resolve("empty-bin"));

        assertThat(new HostSystem(Map.of("PATH", bin.toString()), "Linux").openUrl("http://localhost:3000"))
                .contains("xdg-open is not installed, so no browser opens; open http://localhost:3000 yourself");
    }

    @Test
    void macOsUsesOpen() throws IOException {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path out = temp.resolve("opened.txt");
        executable(bin.resolve("open"), "#!/bin/sh\nprintf '%s' \"$1\" > '" + out + "'\n");

        new HostSystem(Map.of("PATH", bin.toString()), "Mac OS X").openUrl("http://127.0.0.1:8080/");

        Await.until(() -> Files.exists(out) && !read(out).isEmpty(), Duration.ofSeconds(5), "open ran");
        assertThat(read(out)).isEqualTo("http://127.0.0.1:8080/");
    }

    @Test
    void projectFoldersAreSortedLimitedDepthBoundAndSkipHiddenFoldersAndLinkLoops() throws IOException {
        Path root = Files.createDirectories(temp.resolve("src"));
        Files.createDirectories(root.resolve("beta"));
        Files.createDirectories(root.resolve("alpha/one/deep/too-deep"));
        Files.createDirectories(root.resolve(".hidden/inside"));
        Files.createDirectories(root.resolve("alpha/.git/objects"));
        Files.writeString(root.resolve("alpha/file.txt"), "a file is not a folder");
        Files.createSymbolicLink(root.resolve("alpha/loop"), root);
        Path other = Files.createDirectories(temp.resolve("other/gamma"));
        Map<String, String> env = Map.of("SESSIONIZER_DIR",
                root + ":" + other.getParent() + ":" + temp.resolve("gone"));

        // One sorted list across the roots, as the sessionizer's sort does.
        assertThat(new HostSystem(env).projectDirectories(100)).containsExactly(other.toString(),
                root.resolve("alpha").toString(), root.resolve("alpha/one").toString(),
                root.resolve("alpha/one/deep").toString(), root.resolve("beta").toString());
        assertThat(new HostSystem(env).projectDirectories(2)).containsExactly(
                other.toString(), root.resolve("alpha").toString());
        assertThat(new HostSystem(Map.of("SESSIONIZER_DIR", root.toString(), "SESSIONIZER_MAXDEPTH", "1"))
                .projectDirectories(100))
                .containsExactly(root.resolve("alpha").toString(), root.resolve("beta").toString());
        assertThat(new HostSystem(env).projectDirectories(0)).isEmpty();
    }

    @Test
    void withoutRootsDocumentsIsSearchedElseTheHomeFolder() throws IOException {
        Path home = Files.createDirectories(temp.resolve("home"));
        Files.createDirectories(home.resolve("project"));
        HostSystem host = new HostSystem(Map.of("HOME", home.toString(), "SESSIONIZER_MAXDEPTH", "1"));
        assertThat(host.projectDirectories(10)).containsExactly(home.resolve("project").toString());

        Files.createDirectories(home.resolve("Documents/work"));
        assertThat(host.projectDirectories(10)).containsExactly(home.resolve("Documents/work").toString());
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException notYet) {
            return "";
        }
    }
}
