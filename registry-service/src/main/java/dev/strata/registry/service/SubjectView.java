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
 * One subject's projection: its log fold, its revisions parsed, the schema at its head, and a snapshot of the schema
 * after every {@value #EVERY}th revision, from which the schema at any revision is folded in at most {@value #EVERY} - 1
 * steps (a snapshot per revision held 300 MB for 10,000 revisions of 1,000 tables, and start-up spent seconds in the
 * collector copying them). A subject whose log holds an event the
 * registry cannot apply is {@linkplain #damage() damaged}: it keeps what came before that event. Its
 * {@link #history()} holds every stored event, for the web UI's timeline.
 */
public record SubjectView(SubjectLog log, List<Revision> revisions, List<Schema> snapshots, Schema headSchema,
                          Optional<Damage> damage, EventHistory history) {

    /** Revisions between two snapshots of the schema. */
    static final int EVERY = 16;

    public static final SubjectView EMPTY = new SubjectView(SubjectLog.EMPTY, List.of(), List.of(Schema.EMPTY), Schema.EMPTY,
            Optional.empty(), EventHistory.EMPTY);

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
        snapshots = List.copyOf(snapshots);
        java.util.Objects.requireNonNull(headSchema, "a view needs the schema at its head");
        java.util.Objects.requireNonNull(history, "a view needs its history");
        if (snapshots.size() != revisions.size() / EVERY + 1) {
            throw new IllegalArgumentException("a view needs a snapshot of the schema every " + EVERY + " revisions, the empty one first");
        }
    }

    /**
     * The view of a subject's whole log folded at once, as at start-up: the same view as applying its events one by one
     * gives (damaged at the first revision that cannot apply), without copying the lists per event.
     */
    static SubjectView of(List<StoredEvent> events) {
        SubjectLog.Builder log = new SubjectLog.Builder();
        List<Revision> revisions = new ArrayList<>();
        List<Schema> snapshots = new ArrayList<>(List.of(Schema.EMPTY));
        Schema head = Schema.EMPTY;
        Optional<Damage> damage = Optional.empty();
        List<StoredEvent> kept = new ArrayList<>();
        for (StoredEvent e : events) {
            if (e.version() != log.version() + 1) {
                continue;
            }
            log.add(e);
            kept.add(e);
            if (damage.isEmpty() && e.event() instanceof RevisionRecorded r) {
                try {
                    Revision revision = RevisionCodec.read(r.json(), "revision " + r.number());
                    head = Projection.apply(head, revision);
                    revisions.add(revision);
                    if (revisions.size() % EVERY == 0) {
                        snapshots.add(head);
                    }
                } catch (RuntimeException cannotApply) {
                    damage = Optional.of(new Damage(e.version(), cannotApplyMessage(e, cannotApply)));
                }
            }
        }
        return new SubjectView(log.build(), revisions, snapshots, head, damage, EventHistory.of(kept));
    }

    static String cannotApplyMessage(StoredEvent e, RuntimeException cause) {
        return "version " + e.version() + " (" + e.event().type() + ") cannot be applied: " + cause.getMessage();
    }

    SubjectView withLog(SubjectLog next) {
        return new SubjectView(next, revisions, snapshots, headSchema, damage, history);
    }

    /** This view with {@code e} at the end of its history (every stored event, applicable or not). */
    SubjectView withEvent(StoredEvent e) {
        return new SubjectView(log, revisions, snapshots, headSchema, damage, history.with(e));
    }

    /**
     * The view after revision {@code r}, recorded as {@code next}.
     *
     * @throws dev.strata.events.InvalidEventException when an event of {@code r} cannot apply to the schema at head
     */
    SubjectView withRevision(SubjectLog next, Revision r) {
        return withRevision(next, r, Projection.apply(headSchema, r));
    }

    /** The view after revision {@code r}, recorded as {@code next}, whose schema {@code after} was projected already. */
    SubjectView withRevision(SubjectLog next, Revision r, Schema after) {
        List<Revision> rs = new ArrayList<>(revisions);
        rs.add(r);
        List<Schema> ss = snapshots;
        if (rs.size() % EVERY == 0) {
            ss = new ArrayList<>(snapshots);
            ss.add(after);
        }
        return new SubjectView(next, rs, ss, after, damage, history);
    }

    /** This view, marked damaged at {@code version}; only the log's version moves on from here. */
    SubjectView damagedAt(long version, String message) {
        return new SubjectView(log, revisions, snapshots, headSchema, Optional.of(new Damage(version, message)), history);
    }

    public boolean isDamaged() {
        return damage.isPresent();
    }

    /**
     * The revision a point of the history names: {@code head} (or null), a revision number, a tag, or an ISO time
     * (the newest revision recorded by then).
     *
     * @throws java.util.NoSuchElementException naming the point, when it is none of these
     */
    public int at(String point) {
        if (point == null || point.equals("head")) {
            return head();
        }
        if (point.matches("[0-9]+")) {
            return revisionNumber(point);
        }
        var tag = log.tags().get(point);
        if (tag != null) {
            return tag.revision();
        }
        try {
            java.time.Instant time = java.time.Instant.parse(point);
            return (int) revisions.stream().filter(r -> !r.timestamp().isAfter(time)).count();
        } catch (java.time.format.DateTimeParseException e) {
            throw new java.util.NoSuchElementException("'" + point + "' is no revision number, tag or ISO time (2026-03-01T10:00:00Z)"
                    + " of this subject");
        }
    }

    /**
     * The revision number {@code value} names, written in the ASCII digits only ({@code Integer.parseInt} also reads ٣ as 3).
     *
     * @throws java.util.NoSuchElementException when it is not such a number or the subject has no such revision
     */
    public int revisionNumber(String value) {
        if (!value.matches("[0-9]{1,9}")) {
            throw new java.util.NoSuchElementException("'" + value + "' is no revision number; revision numbers are written with"
                    + " the digits 0-9");
        }
        int n = Integer.parseInt(value);
        if (n > head()) {
            throw new java.util.NoSuchElementException("no revision " + n + "; the subject has revisions 1.." + head());
        }
        return n;
    }

    /** The schema after revision {@code n} (0 = empty), folded from the snapshot before it. */
    public Schema schemaAt(int n) {
        if (n < 0 || n > head()) {
            throw new IndexOutOfBoundsException("revision " + n + " of 0.." + head());
        }
        if (n == head()) {
            return headSchema;
        }
        Schema schema = snapshots.get(n / EVERY);
        for (int i = n / EVERY * EVERY; i < n; i++) {
            schema = Projection.apply(schema, revisions.get(i));
        }
        return schema;
    }

    public int head() {
        return revisions.size();
    }
}
