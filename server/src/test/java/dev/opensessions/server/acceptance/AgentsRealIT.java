package dev.opensessions.server.acceptance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every case of the corpus of real agent records beside the clone ({@code ../shared/fixtures/agents-real})
 * shows a status its {@code cases.tsv} accepts, in the case's own session, 8 s and again 20 s after its files
 * land. The placement is {@link AgentsReal}'s, the same that {@code bench/agents-real.sh} prints as a table.
 */
class AgentsRealIT {

    static final Path CORPUS = Installation.REPO.resolve("../shared/fixtures/agents-real").normalize();

    @TempDir
    Path scratch;

    @Test
    void everyRealRecordShowsAnAcceptedStatusAt8And20Seconds() throws Exception {
        assumeTrue(Files.isRegularFile(CORPUS.resolve("cases.tsv")),
                "no corpus of real agent records at " + CORPUS + ": the conformance run is skipped");

        AgentsReal.Outcome outcome = AgentsReal.run(CORPUS, scratch);

        System.out.print(outcome.table());
        assertThat(outcome.allRight()).as(outcome.table()).isTrue();
    }
}
