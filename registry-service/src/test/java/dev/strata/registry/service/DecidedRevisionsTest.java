package dev.strata.registry.service;

import dev.strata.events.Revision;
import dev.strata.events.TableCreated;
import dev.strata.events.json.RevisionCodec;
import dev.strata.events.json.RevisionHasher;
import dev.strata.events.projection.Projection;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.PrimaryKey;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.registry.domain.RevisionRecorded;
import dev.strata.registry.domain.SubjectLog;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The writer's fold takes a revision's decided schema only when it was decided on the very head it folds onto. */
class DecidedRevisionsTest {

    private final DecidedRevisions decided = new DecidedRevisions();
    private final Revision first = creating(1, "prices", null);
    private final RevisionRecorded firstEvent = recorded(first);

    private static Revision creating(int number, String table, String parent) {
        return RevisionHasher.seal(new Revision(number, "r" + number, "revision " + number, "test", Instant.EPOCH, parent,
                List.of(new TableCreated(new Table(Identifier.of(table), List.of(new Column(Identifier.of("id"), "INTEGER", true, null,
                        null)), PrimaryKey.of("id"), List.of(), List.of(), List.of()))), null));
    }

    private static RevisionRecorded recorded(Revision r) {
        return new RevisionRecorded(r.number(), r.hash(), r.parent(), RevisionCodec.write(r));
    }

    @Test
    void the_fold_of_a_decided_revision_takes_the_schema_decided_for_it() {
        SubjectView tried = decided.decide(SubjectView.EMPTY, firstEvent, first);

        SubjectView folded = decided.apply(SubjectView.EMPTY, SubjectLog.EMPTY, firstEvent);

        assertSame(tried.headSchema(), folded.headSchema());
        assertEquals(List.of(first), folded.revisions());
    }

    @Test
    void a_revision_decided_on_another_head_is_parsed_and_projected_on_the_head_it_folds_onto() {
        Revision second = creating(2, "alerts", first.hash());
        SubjectView afterFirst = SubjectView.EMPTY.withRevision(SubjectLog.EMPTY, first);
        RevisionRecorded event = recorded(second);
        SubjectView tried = decided.decide(SubjectView.EMPTY, event, second);

        SubjectView folded = decided.apply(afterFirst, SubjectLog.EMPTY, event);

        assertNotSame(tried.headSchema(), folded.headSchema());
        assertEquals(Projection.apply(Projection.apply(Schema.EMPTY, first), second), folded.headSchema());
    }

    @Test
    void a_forgotten_revision_is_parsed_and_projected_anew() {
        SubjectView tried = decided.decide(SubjectView.EMPTY, firstEvent, first);

        decided.forget(List.of(firstEvent));
        SubjectView folded = decided.apply(SubjectView.EMPTY, SubjectLog.EMPTY, firstEvent);

        assertNotSame(tried.headSchema(), folded.headSchema());
        assertEquals(tried.headSchema(), folded.headSchema());
    }
}
