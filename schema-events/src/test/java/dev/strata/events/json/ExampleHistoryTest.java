package dev.strata.events.json;

import dev.strata.events.Revision;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recorded revisions must keep their hashes, whatever the model learns. */
class ExampleHistoryTest {

    private static final Path EVENTS = Path.of("..", "examples", "stock-analyzer", "schema", "events");

    @Test
    void the_example_history_keeps_its_hash_chain() {
        List<Revision> revisions = RevisionFiles.readAll(EVENTS, "schema/events");

        assertTrue(revisions.size() >= 3, "found " + revisions.size() + " revisions in " + EVENTS.toAbsolutePath());
        assertEquals(List.of(), HistoryVerifier.verify(revisions, "schema/events"));
    }

    @Test
    void the_example_revisions_are_written_back_byte_for_byte() throws IOException {
        for (Revision r : RevisionFiles.readAll(EVENTS, "schema/events")) {
            String stored = Files.readString(EVENTS.resolve(r.eventFileName()), StandardCharsets.UTF_8);

            assertEquals(stored, RevisionCodec.write(r), r.eventFileName());
        }
    }
}
