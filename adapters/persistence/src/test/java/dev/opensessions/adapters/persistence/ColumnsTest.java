package dev.opensessions.adapters.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Instants read back from their column text are the instants written, whatever the precision. */
class ColumnsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-07T04:11:53Z", "2026-12-07T04:11:53.120Z", "2026-12-07T04:11:53.123456Z",
            "2026-12-07T04:11:53.123456789Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z",
            "2024-02-29T12:00:00.001Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z"})
    void readsWhatInstantWrites(String text) {
        Instant expected = Instant.parse(text);

        assertThat(Columns.instant(text)).isEqualTo(expected);
        assertThat(Columns.instant(expected.toString())).isEqualTo(expected);
    }

    @Test
    void everyNanosecondPrecisionRoundTrips() {
        for (long nanos : new long[]{0, 1, 10, 100_000, 1_000_000, 999_999_999, 123_450_000}) {
            Instant written = Instant.ofEpochSecond(1_796_616_000L, nanos);

            assertThat(Columns.instant(written.toString())).isEqualTo(written);
        }
    }

    @Test
    void theTextWrittenIsWhatInstantWritesWhetherRememberedOrNot() {
        for (int round = 0; round < 2; round++) {
            for (long i = 0; i < 200; i++) {
                // Instants that share a slot of the remembered texts as well as ones that do not.
                Instant instant = Instant.ofEpochSecond(1_796_616_000L + i * 64, i % 3 == 0 ? 0 : i * 1_000_003);

                assertThat(Columns.text(instant)).isEqualTo(instant.toString());
            }
        }
    }

    @Test
    void theTextFormattedByHandIsWhatInstantWritesForAnyInstant() {
        java.util.Random random = new java.util.Random(11);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            long seconds = first + (long) (random.nextDouble() * (last - first + 1));
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);

            assertThat(Columns.format(instant)).isEqualTo(instant.toString());
        }
        for (String edge : new String[] {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.000000001Z", "2000-02-29T00:00:00.100Z", "2100-03-01T12:00:00.000001Z",
                "-0001-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"}) {
            Instant instant = Instant.parse(edge);

            assertThat(Columns.format(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void otherFormsGoToTheGeneralParser() {
        // Years past 9999 and before 0000 are written with a sign; the general parser reads them.
        Instant far = Instant.parse("+10000-01-01T00:00:00Z");

        assertThat(Columns.instant(far.toString())).isEqualTo(far);
        assertThat(Columns.instant("2026-12-07T04:11:53.1Z")).isEqualTo(Instant.parse("2026-12-07T04:11:53.1Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-12-07T25:00:00Z",
            "2026-12-07T04:60:00Z", "2026-12-07T04:11:5xZ", "2026-12-07 04:11:53Z", "not an instant"})
    void refusesWhatIsNotAnInstant(String text) {
        assertThatThrownBy(() -> Columns.instant(text)).isInstanceOf(DateTimeParseException.class);
    }
}
