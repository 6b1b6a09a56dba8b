package dev.opensessions.server;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A taken sidebar port does not stop the server: sidebars get a free port, published for the launcher. */
@QuarkusTest
@TestProfile(SidebarPortTakenTest.PortTaken.class)
class SidebarPortTakenTest {

    static final Path RUNTIME = Path.of("target/test-port-taken").toAbsolutePath();
    static ServerSocket squatter;

    public static final class PortTaken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                squatter = new ServerSocket();
                squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
            return Map.of("opensessions.sidebar-port", Integer.toString(squatter.getLocalPort()),
                    "opensessions.runtime-dir", RUNTIME.toString());
        }
    }

    @Test
    void sidebarsListenOnAFreePortAndItIsPublished() throws IOException {
        int published = Integer.parseInt(Files.readString(RUNTIME.resolve("sidebar-port")).strip());

        assertThat(published).isPositive().isNotEqualTo(squatter.getLocalPort());
        try (var probe = new java.net.Socket(InetAddress.getLoopbackAddress(), published)) {
            assertThat(probe.isConnected()).isTrue();
        }
    }
}
