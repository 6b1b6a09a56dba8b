package dev.opensessions.sidebar.model;

import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ListRowsTest {

    private static ListRows numbered(int count) {
        List<ListRow> rows = IntStream.rangeClosed(1, count).mapToObj(n -> new ListRow(ListRow.Kind.SESSION,
                new Session(SessionName.of("s" + n), Instant.EPOCH, "/w/s" + n, 1, List.of(PaneId.of("%" + n))),
                null, n, false, false)).toList();
        return new ListRows(rows, false);
    }

    @Test
    void rowNumbersTakeTwoCellsUpToNinetyNineAndAsManyAsTheLargestHasDigitsBeyond() {
        ListRows few = numbered(99);
        ListRows many = numbered(100);

        assertThat(few.indexWidth()).isEqualTo(2);
        assertThat(few.index(7)).isEqualTo("07");
        assertThat(few.signalColumn()).isEqualTo(few.indexColumn() + 3);
        assertThat(many.indexWidth()).isEqualTo(3);
        assertThat(many.index(7)).isEqualTo("007");
        assertThat(many.index(100)).isEqualTo("100");
        assertThat(many.signalColumn()).as("a cell between the number and the signal")
                .isEqualTo(many.indexColumn() + 4);
        assertThat(many.nameColumn()).isEqualTo(many.signalColumn() + 2);
    }
}
