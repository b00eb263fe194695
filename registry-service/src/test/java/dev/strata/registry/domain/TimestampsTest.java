package dev.strata.registry.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TimestampsTest {

    @Test
    void every_instant_written_by_toString_reads_back_as_Instant_parse_reads_it() {
        Random random = new Random(20);
        List<Instant> edges = List.of(Instant.EPOCH, Instant.parse("2024-02-29T23:59:59.999999999Z"), Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.5Z"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("1969-12-31T23:59:59.000001Z"));
        for (Instant i : edges) {
            assertEquals(i, Timestamps.parse(i.toString()), i.toString());
        }
        for (int n = 0; n < 100_000; n++) {
            int unit = List.of(1_000_000_000, 1_000_000, 1_000, 1).get(random.nextInt(4));
            Instant i = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L), random.nextInt(1_000_000_000) / unit * unit);
            assertEquals(i, Timestamps.parse(i.toString()), i.toString());
        }
    }

    @Test
    void fractions_of_any_length_read_as_Instant_parse_reads_them() {
        for (String text : List.of("2026-03-01T10:00:00.Z", "2026-03-01T10:00:00.1Z", "2026-03-01T10:00:00.12Z", "2026-03-01T10:00:00.1234Z",
                "2026-03-01T10:00:00.12345678Z", "2026-03-01T10:00:00.123456789Z")) {
            assertEquals(Instant.parse(text), Timestamps.parse(text), text);
        }
    }

    @Test
    void text_that_is_no_instant_is_refused_as_Instant_parse_refuses_it() {
        for (String text : List.of("2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-03-01T10:61:00Z",
                "2026-03-01T10:00:00.1234567890Z", "2026-03-01 10:00:00Z", "2026-03-01T10:00:00", "2026-0٣-01T10:00:00Z", "")) {
            assertThrows(DateTimeParseException.class, () -> Instant.parse(text), text);
            assertThrows(DateTimeParseException.class, () -> Timestamps.parse(text), text);
        }
    }
}
