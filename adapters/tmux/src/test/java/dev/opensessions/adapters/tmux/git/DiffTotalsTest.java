package dev.opensessions.adapters.tmux.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiffTotalsTest {

    @Test
    void sumsTextLinesAndCountsBinaryFilesWithoutLines() {
        String numstat = "3\t1\tsrc/a.txt\n-\t-\timage.png\n0\t7\told => new.txt\n";

        assertThat(DiffTotals.parse(numstat)).isEqualTo(new DiffTotals(3, 3, 8));
    }

    @Test
    void emptyDiffIsZero() {
        assertThat(DiffTotals.parse("")).isEqualTo(new DiffTotals(0, 0, 0));
    }

    @Test
    void pathWithTabsIsStillOneFile() {
        assertThat(DiffTotals.parse("1\t2\t\"a\\tb\"\n")).isEqualTo(new DiffTotals(1, 1, 2));
    }
}
