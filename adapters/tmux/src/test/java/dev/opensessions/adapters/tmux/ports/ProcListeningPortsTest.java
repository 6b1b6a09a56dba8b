package dev.opensessions.adapters.tmux.ports;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Scans a /proc tree written as files, shaped like the kernel's. */
class ProcListeningPortsTest {

    private static final String TCP_HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when"
            + " retrnsmt   uid  timeout inode";
    private static final String TCP6_HEADER = "  sl  local_address                         remote_address"
            + "                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";

    @TempDir
    Path proc;

    @BeforeEach
    void writeTables() throws IOException {
        Files.createDirectories(proc.resolve("net"));
        Files.write(proc.resolve("net/tcp"), List.of(TCP_HEADER,
                tcp(0, "0100007F:0BB8", "00000000:0000", "0A", 5001),      // 127.0.0.1:3000 LISTEN
                tcp(1, "0100007F:9C40", "0100007F:0BB8", "01", 5004),      // established, not listening
                tcp(2, "00000000:2328", "00000000:0000", "0A", 5005),      // *:9000 LISTEN, another tree
                tcp(3, "00000000:1F90", "00000000:0000", "0A", 0)));       // orphaned: no owner
        Files.write(proc.resolve("net/tcp6"), List.of(TCP6_HEADER,
                tcp(0, "00000000000000000000000000000000:0BB8", "00000000000000000000000000000000:0000", "0A", 5002),
                tcp(1, "00000000000000000000000001000000:1F90", "00000000000000000000000000000000:0000", "0A", 5003)));
    }

    @Test
    void portsOfAllDescendantsBelongToTheRootOnceEach() throws IOException {
        process(100, "bash", 1, Map.of());
        process(101, "my (weird) app) x", 100, Map.of("3", "socket:[5001]", "6", "socket:[5004]"));
        process(102, "node", 101, Map.of("0", "/dev/pts/1", "4", "socket:[5002]", "5", "socket:[5003]"));
        process(200, "other", 1, Map.of("3", "socket:[5005]"));
        process(300, "zsh", 1, Map.of("1", "pipe:[77]"));

        var ports = new ProcListeningPorts(proc).scan(Set.of(100L, 300L, 999L));

        assertThat(ports).containsOnlyKeys(100L, 300L, 999L);
        assertThat(ports.get(100L)).containsExactly(3000, 8080);
        assertThat(ports.get(300L)).isEmpty();
        assertThat(ports.get(999L)).isEmpty();
    }

    @Test
    void unchangedSocketsAndRootsReuseTheLastScanWithoutWalkingProcesses() throws IOException {
        process(100, "bash", 1, Map.of("3", "socket:[5001]"));
        ProcListeningPorts ports = new ProcListeningPorts(proc);
        assertThat(ports.scan(Set.of(100L)).get(100L)).containsExactly(3000);

        // The process table changes but the socket tables do not: the walk is skipped.
        Files.writeString(proc.resolve("100/stat"), "100 (bash) S 42 100 100 0 -1");
        Files.delete(proc.resolve("100/fd/3"));
        assertThat(ports.scan(Set.of(100L)).get(100L)).containsExactly(3000);

        // A new listener changes the tables, so the processes are walked again.
        Files.write(proc.resolve("net/tcp"), List.of(TCP_HEADER,
                tcp(0, "0100007F:0BB8", "00000000:0000", "0A", 5001),
                tcp(1, "0100007F:1B58", "00000000:0000", "0A", 5006)));
        assertThat(ports.scan(Set.of(100L)).get(100L)).isEmpty();
        assertThat(ports.scan(Set.of(100L, 7L))).containsOnlyKeys(100L, 7L);
    }

    @Test
    void aRootThatListensItselfOwnsItsPort() throws IOException {
        process(200, "python3", 1, Map.of("3", "socket:[5005]"));

        assertThat(new ProcListeningPorts(proc).scan(Set.of(200L)).get(200L)).containsExactly(9000);
    }

    @Test
    void aProcessWithoutReadableFdsOrStatIsSkippedNotFatal() throws IOException {
        process(100, "bash", 1, Map.of());
        Files.createDirectories(proc.resolve("101"));
        Files.writeString(proc.resolve("101/stat"), "101 (sleep) S 100 101 100 0 -1");
        Files.createDirectories(proc.resolve("102"));
        process(103, "server", 100, Map.of("7", "socket:[5001]"));
        Files.createDirectories(proc.resolve("self"));

        assertThat(new ProcListeningPorts(proc).scan(Set.of(100L)).get(100L)).containsExactly(3000);
    }

    @Test
    void withoutAnIpv6TableOnlyIpv4IsRead() throws IOException {
        Files.delete(proc.resolve("net/tcp6"));
        process(100, "bash", 1, Map.of("3", "socket:[5001]", "4", "socket:[5003]"));

        assertThat(new ProcListeningPorts(proc).scan(Set.of(100L)).get(100L)).containsExactly(3000);
    }

    @Test
    void theParentIsCountedFromTheLastParenthesis() {
        assertThat(ProcFormats.parentPid("4242 (a) b) (c d) S 17 4242 17 0 -1 4194304")).hasValue(17);
        assertThat(ProcFormats.parentPid("4242 (plain) R 1 4242")).hasValue(1);
        assertThat(ProcFormats.parentPid("truncated")).isEmpty();
    }

    private void process(long pid, String comm, long parent, Map<String, String> fds) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(dir.resolve("stat"), pid + " (" + comm + ") S " + parent + " " + pid + " " + parent
                + " 34816 " + pid + " 4194560 1234 0 0 0 2 1 0 0 20 0 1 0 155064 9781248 1174");
        Path fdDir = Files.createDirectories(dir.resolve("fd"));
        for (var fd : fds.entrySet()) {
            // Dangling links, like the kernel's: the target is a name, not a file.
            Files.createSymbolicLink(fdDir.resolve(fd.getKey()), Path.of(fd.getValue()));
        }
    }

    private static String tcp(int slot, String local, String remote, String state, long inode) {
        return "%4d: %s %s %s 00000000:00000000 00:00000000 00000000  1000        0 %d 1 0000000000000000 100 0 0 10 0"
                .formatted(slot, local, remote, state, inode);
    }
}
