package dev.opensessions.adapters.tmux.ports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parses captured lsof and ps output, and runs stand-in binaries that print it. */
class LsofListeningPortsTest {

    /** {@code lsof -nP -iTCP -sTCP:LISTEN -F pn} on macOS: lsof adds the f field by itself. */
    private static final List<String> MAC_LSOF = List.of(
            "p512", "f9", "n127.0.0.1:3000", "f10", "n[::1]:3000",
            "p613", "f22", "n*:5173", "f23", "n[::]:5173",
            "p700", "f4", "n*:9229");

    /** The same command on Linux (lsof 4.95), which prints no f field. */
    private static final List<String> LINUX_LSOF = List.of("p7720", "n127.0.0.1:46443", "p81", "n*:22", "n[::]:22");

    /** {@code ps -axo pid=,ppid=}: right-aligned columns. */
    private static final List<String> PS = List.of(
            "    1     0", "  400     1", "  500   400", "  512   500", "  613   400", "  650     1", "  700   650");

    @TempDir
    Path bin;

    @Test
    void fieldOutputGivesThePortsOfEachProcess() {
        var ports = LsofFormats.portsByPid(MAC_LSOF);

        assertThat(ports.get(512L)).containsExactly(3000);
        assertThat(ports.get(613L)).containsExactly(5173);
        assertThat(ports.get(700L)).containsExactly(9229);
        assertThat(LsofFormats.portsByPid(LINUX_LSOF)).isEqualTo(Map.of(7720L, Set.of(46443), 81L, Set.of(22)));
    }

    @Test
    void linesWithoutAProcessOrAPortAreIgnored() {
        var ports = LsofFormats.portsByPid(List.of("n*:80", "", "p12", "nlocalhost", "n*:notaport", "p13", "n*:443"));

        assertThat(ports).containsOnlyKeys(13L);
    }

    @Test
    void scanMapsPortsToTheShellTheyDescendFrom() throws IOException {
        var lsof = new LsofListeningPorts(script("lsof", MAC_LSOF, 0), script("ps", PS, 0), Duration.ofSeconds(5));

        var ports = lsof.scan(Set.of(400L, 650L, 1234L));

        assertThat(ports.get(400L)).containsExactly(3000, 5173);
        assertThat(ports.get(650L)).containsExactly(9229);
        assertThat(ports.get(1234L)).isEmpty();
        assertThat(Files.readString(bin.resolve("lsof.out.args"))).isEqualTo("-nP -iTCP -sTCP:LISTEN -F pn\n");
        assertThat(Files.readString(bin.resolve("ps.out.args"))).isEqualTo("-axo pid=,ppid=\n");
    }

    @Test
    void lsofFindingNothingExitsWithOneAndMeansNoPorts() throws IOException {
        var lsof = new LsofListeningPorts(script("lsof", List.of(), 1), script("ps", PS, 0), Duration.ofSeconds(5));

        assertThat(lsof.scan(Set.of(400L)).get(400L)).isEmpty();
    }

    @Test
    void aFailingOrSlowCommandIsAScanFailure() throws IOException {
        String ps = script("ps", PS, 0);
        var failing = new LsofListeningPorts(script("lsof", List.of(), 2), ps, Duration.ofSeconds(5));
        Path slow = bin.resolve("slow-lsof");
        Files.writeString(slow, "#!/bin/sh\nexec sleep 30\n");
        Files.setPosixFilePermissions(slow, PosixFilePermissions.fromString("rwx------"));
        var hanging = new LsofListeningPorts(slow.toString(), ps, Duration.ofMillis(200));

        assertThatThrownBy(() -> failing.scan(Set.of(400L))).isInstanceOf(PortScanException.class)
                .hasMessageContaining("exited with 2");
        assertThatThrownBy(() -> hanging.scan(Set.of(400L))).isInstanceOf(PortScanException.class)
                .hasMessageContaining("took longer");
        assertThatThrownBy(() -> new LsofListeningPorts(bin.resolve("absent").toString(), ps, Duration.ofSeconds(1))
                .scan(Set.of(400L))).isInstanceOf(PortScanException.class);
    }

    @Test
    void linuxReadsProcAndOtherSystemsRunLsof() {
        assertThat(ListeningPorts.forOs("Linux")).isInstanceOf(ProcListeningPorts.class);
        assertThat(ListeningPorts.forOs("Mac OS X")).isInstanceOf(LsofListeningPorts.class);
    }

    /** A stand-in binary that prints the captured output and exits with the given code, recording its arguments. */
    private String script(String name, List<String> output, int exit) throws IOException {
        Path data = bin.resolve(name + ".out");
        Files.write(data, output);
        Path script = bin.resolve(name);
        Files.writeString(script, "#!/bin/sh\necho \"$@\" > '" + data + ".args'\n"
                + "cat '" + data + "'\nexit " + exit + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script.toString();
    }
}
