package dev.opensessions.server;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessUidTest {

    @Test
    void theRealUidIsTheFirstNumberOfTheUidLine() {
        assertThat(ProcessUid.fromStatus(List.of("Name:\tjava", "Uid:\t1000\t1001\t1002\t1003", "Gid:\t5")))
                .contains(1000L);
    }

    @Test
    void aStatusWithoutAUidLineTellsNothing() {
        assertThat(ProcessUid.fromStatus(List.of("Name:\tjava"))).isEmpty();
        assertThat(ProcessUid.fromStatus(List.of("Uid:\tnobody"))).isEmpty();
    }

    @Test
    void onThisMachineItIsTheOwnerOfWhatThisProcessCreates() throws IOException {
        Path created = Files.createTempFile("uid", ".probe");
        try {
            long owner = ((Integer) Files.getAttribute(created, "unix:uid")).longValue();
            assertThat(ProcessUid.current(Map.of())).isEqualTo(owner);
        } finally {
            Files.delete(created);
        }
    }
}
