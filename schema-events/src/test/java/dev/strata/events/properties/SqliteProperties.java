package dev.strata.events.properties;

import dev.strata.events.SchemaEvent;
import dev.strata.events.projection.Projection;
import dev.strata.events.projection.SchemaDiff;
import dev.strata.events.properties.SchemaSpecs.EventSpec;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.sql.SqlScript;
import dev.strata.events.sql.SqliteDialect;
import dev.strata.events.sqlite.DataSnapshot;
import dev.strata.events.sqlite.ScratchDatabase;
import dev.strata.events.sqlite.ScriptException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rendered SQL agrees with the fold on a real SQLite database (in memory, foreign keys on):
 * over generated schemas and event sequences, the upgrade gives the projected schema, the downgrade
 * gives back the schema and the rows before, and a diff gives its target.
 */
class SqliteProperties {

    @Provide
    Arbitrary<Schema> schemas() {
        return SchemaSpecs.schemas().map(SchemaBuilder::build);
    }

    @Provide
    Arbitrary<List<EventSpec>> changes() {
        return SchemaSpecs.events().list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 2000)
    void a_generated_schema_created_on_sqlite_reads_back_equal(@ForAll("schemas") Schema a) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            db.apply(SqliteDialect.createAll(a));

            assertEquals(a, db.introspect(), () -> SchemaDiffProperties.ddl(a));
        }
    }

    @Property(tries = 2000)
    void the_rendered_upgrade_gives_exactly_the_projected_schema(@ForAll("schemas") Schema a,
                                                                 @ForAll("changes") List<EventSpec> changes) throws Exception {
        EventBuilder.Sequence s = EventBuilder.sequence(a, changes);
        SqlScript up = SqliteDialect.render(s.before(), s.events());
        s.reaches().forEach(r -> Statistics.label("reaches").collect(r));

        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            db.apply(SqliteDialect.createAll(s.before()));
            db.apply(up);

            assertEquals(s.after(), db.introspect(), () -> s.describe() + "\nup:\n" + up.text());
        }
    }

    /**
     * Seeded rows may rightly refuse a change (see {@link DataRefusal}): such a try is discarded, and
     * counted. The discards are bounded twice: jqwik fails the property when they outnumber the checked
     * tries, and the coverage check fails it when more than a quarter of all tries end that way.
     */
    @Property(tries = 2000, maxDiscardRatio = 1)
    void the_rendered_downgrade_gives_back_the_schema_and_the_rows_before(@ForAll("schemas") Schema a,
                                                                          @ForAll("changes") List<EventSpec> changes) throws Exception {
        EventBuilder.Sequence s = EventBuilder.sequence(a, changes);
        SqlScript up = SqliteDialect.render(s.before(), s.events());
        List<SchemaEvent> inverse = Projection.inverse(s.before(), s.events());
        SqlScript down = SqliteDialect.render(s.after(), inverse);
        String story = s.describe() + "\nup:\n" + up.text() + "\ndown:\n" + down.text();
        s.reaches().forEach(r -> Statistics.label("reaches").collect(r));
        DataRefusal.Prepare seeded = db -> {
            db.apply(SqliteDialect.createAll(s.before()));
            db.seed(s.before(), 3, 0);
        };

        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            seeded.on(db);
            DataSnapshot rows = db.snapshot(s.before(), s.before().tables().keySet());
            applyUnlessTheRowsRefuse(db, up, s.before(), s.events(), seeded, story);
            applyUnlessTheRowsRefuse(db, down, s.after(), inverse, d -> {
                seeded.on(d);
                d.apply(up);
            }, story);

            assertEquals(s.before(), db.introspect(), story);
            DataSnapshot back = db.snapshot(s.before(), s.before().tables().keySet());
            Survivors survivors = Survivors.of(s.before(), s.events());
            for (Map.Entry<Identifier, List<Identifier>> kept : survivors.kept().entrySet()) {
                DataSnapshot.Rows was = rows.tables().get(kept.getKey());
                Set<Identifier> aliased = survivors.madeRowidAliases().getOrDefault(kept.getKey(), Set.of());
                List<Identifier> compared = kept.getValue().stream()
                        .filter(c -> !aliased.contains(c) || was.project(List.of(c)).stream().noneMatch(r -> r.get(0).equals("NULL"))).toList();
                assertEquals(was.project(compared), back.tables().get(kept.getKey()).project(compared),
                        () -> "rows of " + kept.getKey() + "\n" + story);
            }
        }
        Statistics.label("rows").collect("up and down ran");
        Statistics.label("rows").coverage(c -> c.check("up and down ran").percentage(p -> p >= 75));
    }

    @Property(tries = 2000)
    void a_diff_rendered_on_a_database_holding_one_schema_gives_the_other(@ForAll("schemas") Schema a,
                                                                          @ForAll("schemas") Schema b) throws Exception {
        List<SchemaEvent> events = SchemaDiff.events(a, b);
        SqlScript script = SqliteDialect.render(a, events);

        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            db.apply(SqliteDialect.createAll(a));
            db.apply(script);

            assertEquals(b, db.introspect(), () -> SchemaDiffProperties.explain(a, b, events) + "\nscript:\n" + script.text());
        }
    }

    /**
     * Applies {@code script}; if it fails, discards the try when {@link DataRefusal} finds the rows
     * refuse one of {@code events} (run one at a time on a database {@code prepare} sets up as this one
     * was), and fails it otherwise.
     */
    private static void applyUnlessTheRowsRefuse(ScratchDatabase db, SqlScript script, Schema from, List<SchemaEvent> events,
                                                 DataRefusal.Prepare prepare, String story) throws Exception {
        try {
            db.apply(script);
        } catch (ScriptException e) {
            String why = DataRefusal.of(from, events, prepare)
                    .orElseThrow(() -> new AssertionError(e.getMessage() + "\n" + story, e));
            Statistics.label("rows").collect(why);
            Assume.that(false);
        }
    }
}
