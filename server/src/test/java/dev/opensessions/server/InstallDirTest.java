package dev.opensessions.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.cert.Certificate;
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
    void aClassFromAnAotCacheWithoutALocationFallsBackToTheClassPath() throws Exception {
        Path jar = checkout.resolve("server/target/quarkus-app/quarkus-run.jar");
        CodeSource noLocation = new CodeSource(null, (Certificate[]) null);

        assertThat(InstallDir.codeLocation(noLocation, jar + File.pathSeparator + "/other.jar")).contains(jar);
        assertThat(InstallDir.codeLocation(null, jar.toString())).contains(jar);
        assertThat(InstallDir.codeLocation(noLocation, "")).isEmpty();
        Path located = checkout.resolve("app.jar");
        assertThat(InstallDir.codeLocation(new CodeSource(located.toUri().toURL(), (Certificate[]) null), jar.toString()))
                .contains(located);
    }

    @Test
    void theRunningServerFindsThisCheckout() {
        assertThat(InstallDir.locate(null, InstallDir.codeLocation()).resolve(InstallDir.SHIM)).isRegularFile();
    }
}
