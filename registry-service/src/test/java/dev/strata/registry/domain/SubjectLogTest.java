package dev.strata.registry.domain;

import dev.strata.events.Subject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SubjectLogTest {

    private static final Subject S = new Subject("stock-analyzer");

    private static List<RevisionRecorded> chain(String... hashes) {
        List<RevisionRecorded> out = new ArrayList<>();
        String parent = null;
        for (int i = 0; i < hashes.length; i++) {
            String hash = hashes[i].repeat(64);
            out.add(new RevisionRecorded(i + 1, hash, parent, "{\"number\":" + (i + 1) + "}"));
            parent = hash;
        }
        return out;
    }

    private static SubjectLog logOf(List<RevisionRecorded> revisions) {
        List<StoredEvent> events = new ArrayList<>();
        String previous = null;
        for (int i = 0; i < revisions.size(); i++) {
            StoredEvent e = StoredEvent.chain(S, i + 1, revisions.get(i), previous);
            events.add(e);
            previous = e.hash();
        }
        return SubjectLog.of(events);
    }

    @Test
    void pushing_the_same_revisions_twice_adds_nothing() {
        SubjectLog log = logOf(chain("a", "b"));

        assertEquals(List.of(), log.push("stock-analyzer", chain("a", "b")));
    }

    @Test
    void a_push_adds_only_the_revisions_after_the_head() {
        SubjectLog log = logOf(chain("a", "b"));

        List<RegistryEvent> added = log.push("stock-analyzer", chain("a", "b", "c"));

        assertEquals(List.of(chain("a", "b", "c").get(2)), added);
    }

    @Test
    void a_push_that_rewrites_revision_2_is_a_conflict_naming_it() {
        SubjectLog log = logOf(chain("a", "b"));

        ConflictException e = assertThrows(ConflictException.class, () -> log.push("stock-analyzer", chain("a", "c", "d")));

        assertEquals("the push rewrites history of stock-analyzer: revision 2 is " + "b".repeat(64) + " in the registry but "
                + "c".repeat(64) + " in the push", e.getMessage());
    }

    @Test
    void a_push_that_skips_a_revision_is_refused() {
        List<RevisionRecorded> gap = new ArrayList<>(chain("a", "b", "c"));
        gap.remove(1);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SubjectLog.EMPTY.push("stock-analyzer", gap));

        assertEquals("the push skips a revision: position 2 holds revision 3; push revisions 1..2 in order", e.getMessage());
    }

    @Test
    void a_tag_is_released_once() {
        SubjectLog log = logOf(chain("a", "b"));
        TagReleased tag = new TagReleased("v1.0.0", 2, "abc", "ci", java.time.Instant.EPOCH);
        SubjectLog released = log.apply(StoredEvent.chain(S, 3, tag, null));

        assertEquals(List.of(tag), log.release("stock-analyzer", tag));
        assertEquals(List.of(), released.release("stock-analyzer", tag));
        assertThrows(ConflictException.class, () -> released.release("stock-analyzer",
                new TagReleased("v1.0.0", 1, "def", "ci", java.time.Instant.EPOCH)));
    }
}
