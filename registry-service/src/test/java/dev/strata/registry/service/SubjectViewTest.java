package dev.strata.registry.service;

import dev.strata.events.ColumnAdded;
import dev.strata.events.Revision;
import dev.strata.events.SchemaEvent;
import dev.strata.events.Subject;
import dev.strata.events.TableCreated;
import dev.strata.events.json.RevisionHasher;
import dev.strata.events.projection.Projection;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.PrimaryKey;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.registry.store.sqlite.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The view keeps a snapshot of the schema every few revisions: the schema at every revision must still be exact. */
class SubjectViewTest {

    private static final Subject SUBJECT = new Subject("stock-analyzer");

    /** Revisions that create a table every fifth revision and add a column to the newest table otherwise. */
    private static List<Revision> history(int n) {
        List<Revision> out = new ArrayList<>();
        String parent = null;
        int tables = 0;
        for (int i = 1; i <= n; i++) {
            SchemaEvent e = i % 5 == 1
                    ? new TableCreated(new Table(Identifier.of("t" + tables++), List.of(new Column(Identifier.of("id"), "INTEGER", true, null,
                    null)), PrimaryKey.of("id"), List.of(), List.of(), List.of()))
                    : new ColumnAdded(Identifier.of("t" + (tables - 1)), Column.of("c" + i, "TEXT"));
            Revision r = RevisionHasher.seal(new Revision(i, "r" + i, "revision " + i, "test", Instant.EPOCH.plusSeconds(i), parent,
                    List.of(e), null));
            out.add(r);
            parent = r.hash();
        }
        return out;
    }

    private static void assertEverySchemaIsTheFoldFromEmpty(SubjectView view, List<Revision> revisions) {
        Schema expected = Schema.EMPTY;
        assertEquals(expected, view.schemaAt(0));
        for (int n = 1; n <= view.head(); n++) {
            expected = Projection.apply(expected, revisions.get(n - 1));
            assertEquals(expected, view.schemaAt(n), "schema at revision " + n);
        }
    }

    @Test
    void the_schema_at_every_revision_is_exact_after_a_rebuild_and_after_live_pushes(@TempDir Path dir) {
        List<Revision> revisions = history(3 * SubjectView.EVERY + 5);
        int half = SubjectView.EVERY + 3;
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("registry.db")); Registry registry = new Registry(store)) {
            registry.push(SUBJECT, revisions.subList(0, half));
        }

        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("registry.db")); Registry registry = new Registry(store)) {
            assertEverySchemaIsTheFoldFromEmpty(registry.view(SUBJECT), revisions);
            registry.push(SUBJECT, revisions);

            SubjectView view = registry.view(SUBJECT);
            assertEquals(revisions.size(), view.head());
            assertEverySchemaIsTheFoldFromEmpty(view, revisions);
            assertThrows(IndexOutOfBoundsException.class, () -> view.schemaAt(revisions.size() + 1));
            assertThrows(IndexOutOfBoundsException.class, () -> view.schemaAt(-1));
        }
    }
}
