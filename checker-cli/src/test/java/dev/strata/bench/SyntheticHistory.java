package dev.strata.bench;

import dev.strata.cli.project.GeneratedFiles;
import dev.strata.events.CheckAdded;
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
import dev.strata.events.schema.View;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A synthetic project of N revisions of realistic changes, in a cycle of ten: new tables that
 * reference the previous one (ON DELETE CASCADE), added columns, indexes, type changes that rebuild
 * a table other tables reference, renames, checks, NOT NULL columns with defaults, a data migration,
 * dropped indexes and views.
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
            if (events.get(0) instanceof TableCreated) {
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
        for (Map.Entry<String, String> f : GeneratedFiles.of(revisions).entrySet()) {
            Files.writeString(migrations.resolve(f.getKey()), f.getValue());
        }
        Files.writeString(dir.resolve("schema/models.yaml"), ModelsYaml.write(schema));
        Files.writeString(dir.resolve("strata.yaml"), "subject: synthetic\n");
        return dir;
    }

    private static List<SchemaEvent> events(int i, Schema s, int tables) {
        int step = (i - 3) % 10;
        if (tables < 2 || step == 0) {
            return List.of(new TableCreated(table(tables, s)));
        }
        Identifier last = t(tables - 1);
        Identifier referenced = t(tables - 2);
        Table lastTable = s.tables().get(last);
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
            default -> lastTable == null ? List.of(new TableCreated(table(tables, s)))
                    : List.of(new ViewCreated(new View(Identifier.of("v_" + last), "SELECT id, name, status FROM " + last)));
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
