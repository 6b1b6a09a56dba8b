package dev.opensessions.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class InstallDirTest {

    @TempDir
    Path checkout;

    @Test
    void theConfiguredFolderWins() {
        assertThat(InstallDir.locate(checkout.toString(), Optional.of(Path.of("/elsewhere/app.jar"))))
                .isEqualTo(checkout);
    }

    @Test
    void otherwiseTheNearestFolderAboveTheJarThatHoldsTheShim() throws IOException {
        Files.createDirectories(checkout.resolve("bin"));
        Files.writeString(checkout.resolve(InstallDir.SHIM), "#!/bin/sh\n");
        Path jar = checkout.resolve("server/target/quarkus-app/app/opensessions-server.jar");

        assertThat(InstallDir.locate(null, Optional.of(jar))).isEqualTo(checkout);
        assertThat(InstallDir.locate(" ", Optional.of(jar))).isEqualTo(checkout);
    }

    @Test
    void withoutAShimAnywhereTheWorkingFolder() {
        assertThat(InstallDir.locate(null, Optional.of(checkout.resolve("a/b.jar"))))
                .isEqualTo(Path.of("").toAbsolutePath());
        assertThat(InstallDir.locate(null, Optional.empty())).isEqualTo(Path.of("").toAbsolutePath());
    }

    @Test
    void theRunningServerFindsThisCheckout() {
        assertThat(InstallDir.locate(null, InstallDir.codeLocation()).resolve(InstallDir.SHIM)).isRegularFile();
    }
}
