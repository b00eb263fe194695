package dev.strata.registry.bench;

import dev.strata.events.ColumnAdded;
import dev.strata.events.Revision;
import dev.strata.events.SchemaEvent;
import dev.strata.events.Subject;
import dev.strata.events.TableCreated;
import dev.strata.events.json.RevisionCodec;
import dev.strata.events.json.RevisionHasher;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.PrimaryKey;
import dev.strata.events.schema.Table;
import dev.strata.registry.domain.DeploymentRecorded;
import dev.strata.registry.domain.EventStore;
import dev.strata.registry.domain.RegistryEvent;
import dev.strata.registry.domain.RevisionRecorded;
import dev.strata.registry.domain.TagReleased;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's data: a long valid history, and filler subjects with tags and deployments, written straight to a store. */
final class BenchData {

    static final Subject BIG = new Subject("big");
    static final String TAG = "v1.0.0";
    /** Events per append while loading: small enough for one Kafka record. */
    private static final int CHUNK = 500;

    private BenchData() {
    }

    /** A valid history: every tenth revision creates a table, the others add a column to one. */
    static List<Revision> history(int n) {
        List<Revision> out = new ArrayList<>();
        String parent = null;
        int tables = 0;
        for (int i = 1; i <= n; i++) {
            SchemaEvent e;
            if (i % 10 == 1) {
                e = new TableCreated(new Table(Identifier.of("t" + tables), List.of(new Column(Identifier.of("id"), "INTEGER", true, null, null)),
                        PrimaryKey.of("id"), List.of(), List.of(), List.of()));
                tables++;
            } else {
                e = new ColumnAdded(Identifier.of("t" + (tables - 1)), Column.of("c" + i, "TEXT"));
            }
            Revision r = RevisionHasher.seal(new Revision(i, "r" + i, "revision " + i, "bench", Instant.EPOCH.plusSeconds(i),
                    parent, List.of(e), null));
            out.add(r);
            parent = r.hash();
        }
        return out;
    }

    static List<RegistryEvent> recorded(List<Revision> revisions) {
        return revisions.stream().map(r -> (RegistryEvent) new RevisionRecorded(r.number(), r.hash(), r.parent(), RevisionCodec.write(r)))
                .toList();
    }

    static TagReleased tag(String name, int revision) {
        return new TagReleased(name, revision, "c0ffee", "bench", Instant.EPOCH);
    }

    /**
     * Fills a new store with {@code total} events: {@link #BIG} with {@code revisions} revisions and tag {@link #TAG} at the
     * middle one, then {@code fillers} subjects of one revision followed by tags and deployments.
     */
    static void load(EventStore store, int revisions, int total, int fillers) {
        List<RegistryEvent> big = new ArrayList<>(recorded(history(revisions)));
        big.add(tag(TAG, revisions / 2));
        append(store, BIG, big);
        List<RegistryEvent> first = recorded(history(1));
        long remaining = total - big.size();
        for (int s = 0; s < fillers; s++) {
            long n = remaining / (fillers - s);
            remaining -= n;
            List<RegistryEvent> events = new ArrayList<>(first);
            for (int i = 1; i < n; i++) {
                events.add(i % 4 == 0 ? tag("t" + i, 1)
                        : new DeploymentRecorded("env" + (i % 3), 1, 1, DeploymentRecorded.Outcome.SUCCEEDED, "ci", Instant.EPOCH.plusSeconds(i)));
            }
            append(store, new Subject("svc-" + s), events);
        }
    }

    private static void append(EventStore store, Subject subject, List<RegistryEvent> events) {
        for (int from = 0; from < events.size(); from += CHUNK) {
            store.append(subject, from, events.subList(from, Math.min(events.size(), from + CHUNK)));
        }
    }
}
