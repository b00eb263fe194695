package dev.strata.registry.service;

import dev.strata.events.Revision;
import dev.strata.events.json.RevisionCodec;
import dev.strata.events.schema.Schema;
import dev.strata.registry.domain.RegistryEvent;
import dev.strata.registry.domain.RevisionRecorded;
import dev.strata.registry.domain.SubjectLog;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Revisions a write has decided on its request thread, each with the schema it was applied to and the schema it gave: the
 * fold of the stored event, on the store's writer thread, takes them instead of parsing the revision's file and
 * projecting it again. Keyed by the event object itself, so an event read back from a log (another instance's, or
 * after a restart) is always parsed.
 */
final class DecidedRevisions {

    private record Step(Schema before, Revision revision, Schema after) {
    }

    private final Map<RevisionRecorded, Step> steps = Collections.synchronizedMap(new IdentityHashMap<>());

    /**
     * The view after {@code revision} (the parsed form of {@code event}) is applied to {@code before}'s head, kept for the
     * fold of the stored event.
     *
     * @throws dev.strata.events.InvalidEventException when an event of the revision cannot apply to that schema
     */
    SubjectView decide(SubjectView before, RevisionRecorded event, Revision revision) {
        SubjectView after = before.withRevision(before.log(), revision);
        steps.put(event, new Step(before.headSchema(), revision, after.headSchema()));
        return after;
    }

    /** The view after {@code event}, recorded as {@code next}: as decided when it was decided on this view's head, else folded anew. */
    SubjectView apply(SubjectView view, SubjectLog next, RevisionRecorded event) {
        Step step = steps.get(event);
        if (step != null && step.before() == view.headSchema()) {
            return view.withRevision(next, step.revision(), step.after());
        }
        return view.withRevision(next, RevisionCodec.read(event.json(), "revision " + event.number()));
    }

    /** Drops what was kept for {@code events}, once their write is answered or refused. */
    void forget(List<? extends RegistryEvent> events) {
        events.forEach(steps::remove);
    }
}
