package dev.strata.registry.service;

import dev.strata.events.Revision;
import dev.strata.events.json.RevisionCodec;
import dev.strata.events.projection.Projection;
import dev.strata.events.schema.Schema;
import dev.strata.registry.domain.RevisionRecorded;
import dev.strata.registry.domain.StoredEvent;
import dev.strata.registry.domain.SubjectLog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One subject's projection: its log fold, its revisions parsed, and a snapshot of the schema after
 * every revision, so a schema query never refolds the history. A subject whose log holds an event the
 * registry cannot apply is {@linkplain #damage() damaged}: it keeps what came before that event.
 */
public record SubjectView(SubjectLog log, List<Revision> revisions, List<Schema> schemas, Optional<Damage> damage) {

    public static final SubjectView EMPTY = new SubjectView(SubjectLog.EMPTY, List.of(), List.of(Schema.EMPTY), Optional.empty());

    /** The first stored event of a subject that could not be applied: its version and why. */
    public record Damage(long version, String message) {
        public Damage {
            if (version < 1 || message == null || message.isBlank()) {
                throw new IllegalArgumentException("damage needs a version of 1 or more and a message");
            }
        }
    }

    public SubjectView {
        revisions = List.copyOf(revisions);
        schemas = List.copyOf(schemas);
        if (schemas.size() != revisions.size() + 1) {
            throw new IllegalArgumentException("a view needs one schema per revision plus the empty one");
        }
    }

    /**
     * The view of a subject's whole log folded at once, as at start-up: the same view as applying its events one by one
     * gives (damaged at the first revision that cannot apply), without copying the lists per event.
     */
    static SubjectView of(List<StoredEvent> events) {
        SubjectLog.Builder log = new SubjectLog.Builder();
        List<Revision> revisions = new ArrayList<>();
        List<Schema> schemas = new ArrayList<>(List.of(Schema.EMPTY));
        Optional<Damage> damage = Optional.empty();
        for (StoredEvent e : events) {
            if (e.version() != log.version() + 1) {
                continue;
            }
            log.add(e);
            if (damage.isEmpty() && e.event() instanceof RevisionRecorded r) {
                try {
                    Revision revision = RevisionCodec.read(r.json(), "revision " + r.number());
                    schemas.add(Projection.apply(schemas.get(schemas.size() - 1), revision));
                    revisions.add(revision);
                } catch (RuntimeException cannotApply) {
                    damage = Optional.of(new Damage(e.version(), cannotApplyMessage(e, cannotApply)));
                }
            }
        }
        return new SubjectView(log.build(), revisions, schemas, damage);
    }

    static String cannotApplyMessage(StoredEvent e, RuntimeException cause) {
        return "version " + e.version() + " (" + e.event().type() + ") cannot be applied: " + cause.getMessage();
    }

    SubjectView withLog(SubjectLog next) {
        return new SubjectView(next, revisions, schemas, damage);
    }

    /**
     * The view after revision {@code r}, recorded as {@code next}.
     *
     * @throws dev.strata.events.InvalidEventException when an event of {@code r} cannot apply to the schema at head
     */
    SubjectView withRevision(SubjectLog next, Revision r) {
        Schema after = Projection.apply(schemas.get(schemas.size() - 1), r);
        List<Revision> rs = new ArrayList<>(revisions);
        rs.add(r);
        List<Schema> ss = new ArrayList<>(schemas);
        ss.add(after);
        return new SubjectView(next, rs, ss, damage);
    }

    /** This view, marked damaged at {@code version}; only the log's version moves on from here. */
    SubjectView damagedAt(long version, String message) {
        return new SubjectView(log, revisions, schemas, Optional.of(new Damage(version, message)));
    }

    public boolean isDamaged() {
        return damage.isPresent();
    }

    /** The schema after revision {@code n} (0 = empty). */
    public Schema schemaAt(int n) {
        return schemas.get(n);
    }

    public int head() {
        return revisions.size();
    }
}
