package dev.strata.bench;

import dev.strata.cli.project.GeneratedFiles;
import dev.strata.events.CheckAdded;
import dev.strata.events.CheckDropped;
import dev.strata.events.ColumnDropped;
import dev.strata.events.ForeignKeyAdded;
import dev.strata.events.ForeignKeyDropped;
import dev.strata.events.PrimaryKeyAltered;
import dev.strata.events.TableDropped;
import dev.strata.events.TableRenamed;
import dev.strata.events.TriggerCreated;
import dev.strata.events.TriggerDropped;
import dev.strata.events.UniqueAdded;
import dev.strata.events.ViewDropped;
import dev.strata.events.ColumnAdded;
import dev.strata.events.ColumnAltered;
import dev.strata.events.ColumnRenamed;
import dev.strata.events.IndexCreated;
import dev.strata.events.IndexDropped;
import dev.strata.events.Revision;
import dev.strata.events.SchemaEvent;
import dev.strata.events.SqlExecuted;
import dev.strata.events.TableCreated;
import dev.strata.events.ViewCreated;
import dev.strata.events.json.ModelsYaml;
import dev.strata.events.json.RevisionFiles;
import dev.strata.events.json.RevisionHasher;
import dev.strata.events.projection.Projection;
import dev.strata.events.schema.Check;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.ForeignKeyAction;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.PrimaryKey;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Trigger;
import dev.strata.events.schema.Unique;
import dev.strata.events.schema.View;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A synthetic project of N revisions of realistic changes, in a cycle of twenty-five that holds every kind
 * of event: new tables that reference the previous one (ON DELETE CASCADE), added columns, indexes, type
 * changes that rebuild a table other tables reference, renames, checks, NOT NULL columns with defaults, a
 * data migration, views and triggers made and dropped, and changes whose success depends on the rows: a
 * unique index on a foreign-key column, a foreign key added to an existing column, NOT NULL with a default
 * on a column that holds NULLs, a UNIQUE constraint on an existing column; then a side table renamed, given
 * another primary key and dropped.
 */
final class SyntheticHistory {

    private SyntheticHistory() {
    }

    static Path write(Path dir, int n) throws IOException {
        List<Revision> revisions = new ArrayList<>();
        Schema schema = Schema.EMPTY;
        int tables = 0;
        String parent = null;
        for (int i = 1; i <= n; i++) {
            List<SchemaEvent> events = events(i, schema, tables);
            if (events.get(0) instanceof TableCreated c && c.table().name().equals(t(tables))) {
                tables++;
            }
            Revision r = RevisionHasher.seal(new Revision(i, "step-" + i, "Synthetic step " + i, "bench",
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 60L), parent, events, null));
            schema = Projection.apply(schema, r);
            revisions.add(r);
            parent = r.hash();
        }
        Path events = Files.createDirectories(dir.resolve("schema/events"));
        Path migrations = Files.createDirectories(dir.resolve("db/migration"));
        for (Revision r : revisions) {
            RevisionFiles.write(events, r);
        }
        for (Map.Entry<String, String> f : GeneratedFiles.of(revisions, "schema/events").entrySet()) {
            Files.writeString(migrations.resolve(f.getKey()), f.getValue());
        }
        Files.writeString(dir.resolve("schema/models.yaml"), ModelsYaml.write(schema));
        Files.writeString(dir.resolve("strata.yaml"), "subject: synthetic\n");
        return dir;
    }

    private static List<SchemaEvent> events(int i, Schema s, int tables) {
        int step = (i - 3) % 25;
        if (tables < 2 || step == 0) {
            return List.of(new TableCreated(table(tables, s)));
        }
        Identifier last = t(tables - 1);
        Identifier referenced = t(tables - 2);
        Identifier side = Identifier.of("side" + tables);
        Identifier renamed = Identifier.of("side" + tables + "_renamed");
        Identifier id = Identifier.of("id");
        return switch (step) {
            case 1 -> List.of(new ColumnAdded(last, Column.of("score", "REAL")));
            case 2 -> List.of(new IndexCreated(Index.of(Identifier.of("ix_" + last + "_name"), last, List.of(Identifier.of("name")), false, null)));
            case 3 -> List.of(new ColumnAltered(referenced, new Column(Identifier.of("name"), "VARCHAR(200)", true, null, null)));
            case 4 -> List.of(new ColumnRenamed(last, Identifier.of("score"), Identifier.of("rating")));
            case 5 -> List.of(new CheckAdded(last, new Check(Identifier.of("ck_" + last + "_rating"), "rating IS NULL OR rating >= 0")));
            case 6 -> List.of(new ColumnAdded(last, new Column(Identifier.of("status"), "TEXT", true, "'new'", null)));
            case 7 -> List.of(new SqlExecuted("normalise names", "UPDATE " + last + " SET status = 'active' WHERE status = 'new';",
                    "UPDATE " + last + " SET status = 'new' WHERE status = 'active';"));
            case 8 -> List.of(new IndexDropped(Identifier.of("ix_" + last + "_name")));
            case 9 -> List.of(new ViewCreated(new View(Identifier.of("v_" + last), "SELECT id, name, status FROM " + last)));
            case 10 -> List.of(new IndexCreated(Index.of(Identifier.of("ux_" + last + "_parent"), last,
                    List.of(Identifier.of("parent_id")), true, null)));
            case 11 -> List.of(new ColumnAdded(last, Column.of("owner_id", "INTEGER")));
            case 12 -> List.of(new ForeignKeyAdded(last, new ForeignKey(List.of(Identifier.of("owner_id")), referenced, List.of(id),
                    ForeignKeyAction.SET_NULL, ForeignKeyAction.NO_ACTION)));
            case 13 -> List.of(new ColumnAltered(last, new Column(Identifier.of("rating"), "REAL", true, "0", null)));
            case 14 -> List.of(new TriggerCreated(new Trigger(Identifier.of("trg_" + last + "_status"), last, "CREATE TRIGGER trg_"
                    + last + "_status AFTER UPDATE OF status ON " + last + " BEGIN UPDATE " + last
                    + " SET rating = rating + 1 WHERE id = NEW.id; END")));
            case 15 -> List.of(new TriggerDropped(Identifier.of("trg_" + last + "_status")));
            case 16 -> List.of(new CheckDropped(last, new Check(Identifier.of("ck_" + last + "_rating"), "rating IS NULL OR rating >= 0")));
            case 17 -> List.of(new UniqueAdded(last, new Unique(List.of(Identifier.of("name")))));
            case 18 -> List.of(new ForeignKeyDropped(last, List.of(Identifier.of("owner_id"))));
            case 19 -> List.of(new ViewDropped(Identifier.of("v_" + last)));
            case 20 -> List.of(new ColumnDropped(last, Identifier.of("owner_id")));
            case 21 -> List.of(new TableCreated(new Table(side, List.of(new Column(id, "INTEGER", true, null, null),
                    new Column(Identifier.of("code"), "TEXT", true, "'x'", null)), new PrimaryKey(List.of(id), false), List.of(),
                    List.of(), List.of())));
            case 22 -> List.of(new TableRenamed(side, renamed));
            case 23 -> List.of(new PrimaryKeyAltered(renamed, new PrimaryKey(List.of(id, Identifier.of("code")), false)));
            default -> s.tables().containsKey(renamed) ? List.of(new TableDropped(renamed)) : List.of(new TableCreated(table(tables, s)));
        };
    }

    private static Identifier t(int k) {
        return Identifier.of("t" + k);
    }

    private static Table table(int k, Schema s) {
        List<Column> columns = new ArrayList<>(List.of(new Column(Identifier.of("id"), "INTEGER", true, null, null),
                new Column(Identifier.of("name"), "TEXT", true, null, null),
                new Column(Identifier.of("created"), "TEXT", false, "CURRENT_TIMESTAMP", null)));
        List<ForeignKey> fks = new ArrayList<>();
        if (k > 0) {
            columns.add(Column.of("parent_id", "INTEGER"));
            fks.add(new ForeignKey(List.of(Identifier.of("parent_id")), t(k - 1), List.of(Identifier.of("id")),
                    ForeignKeyAction.CASCADE, ForeignKeyAction.NO_ACTION));
        }
        return new Table(t(k), columns, new PrimaryKey(List.of(Identifier.of("id")), k % 2 == 0), List.of(), fks, List.of());
    }
}
