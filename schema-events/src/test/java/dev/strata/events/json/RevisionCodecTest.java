package dev.strata.events.json;

import dev.strata.events.CheckAdded;
import dev.strata.events.CheckDropped;
import dev.strata.events.ColumnAdded;
import dev.strata.events.ColumnAltered;
import dev.strata.events.ColumnDropped;
import dev.strata.events.ColumnRenamed;
import dev.strata.events.ForeignKeyAdded;
import dev.strata.events.ForeignKeyDropped;
import dev.strata.events.IndexCreated;
import dev.strata.events.IndexDropped;
import dev.strata.events.PrimaryKeyAltered;
import dev.strata.events.Revision;
import dev.strata.events.SchemaEvent;
import dev.strata.events.SqlExecuted;
import dev.strata.events.TableCreated;
import dev.strata.events.TableDropped;
import dev.strata.events.TableRenamed;
import dev.strata.events.TriggerCreated;
import dev.strata.events.TriggerDropped;
import dev.strata.events.UniqueAdded;
import dev.strata.events.UniqueDropped;
import dev.strata.events.ViewCreated;
import dev.strata.events.ViewDropped;
import dev.strata.events.schema.Check;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.ForeignKeyAction;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.PrimaryKey;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Trigger;
import dev.strata.events.schema.Unique;
import dev.strata.events.schema.View;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RevisionCodecTest {

    private static final Identifier T = Identifier.of("prices");

    /** One event of every type, with every optional field used somewhere. */
    static List<SchemaEvent> everyEvent() {
        Table table = new Table(T, List.of(new Column(Identifier.of("id"), "INTEGER", true, null, null),
                new Column(Identifier.of("symbol"), "TEXT", true, "'X'", "NOCASE"), Column.of("close", "NUMERIC(12, 4)")),
                new PrimaryKey(List.of(Identifier.of("id")), true), List.of(Unique.of("symbol")),
                List.of(ForeignKey.of("symbol", "companies", "symbol").withActions(ForeignKeyAction.CASCADE, ForeignKeyAction.SET_NULL)),
                List.of(new Check(Identifier.of("close_positive"), "close >= 0"), Check.of("length(symbol) > 0")));
        return List.of(new TableCreated(table), new TableDropped(T), new TableRenamed(T, Identifier.of("daily_prices")),
                new ColumnAdded(T, Column.of("volume", "INTEGER").withDefault("0").withNotNull(true), Identifier.of("close")),
                new ColumnDropped(T, Identifier.of("volume")), new ColumnRenamed(T, Identifier.of("close"), Identifier.of("close_price")),
                new ColumnAltered(T, Column.of("close", "REAL")),
                new IndexCreated(Index.of(Identifier.of("ix"), T, List.of(Identifier.of("symbol"), Identifier.of("id")), true, "close > 0")),
                new IndexDropped(Identifier.of("ix")), new ForeignKeyAdded(T, ForeignKey.of("symbol", "companies", "symbol")),
                new ForeignKeyDropped(T, List.of(Identifier.of("symbol"))), new CheckAdded(T, Check.of("close >= 0")),
                new CheckDropped(T, new Check(Identifier.of("c"), "close >= 0")), new UniqueAdded(T, Unique.of("symbol", "close")),
                new UniqueDropped(T, Unique.of("symbol")), new PrimaryKeyAltered(T, PrimaryKey.of("symbol", "id")),
                new ViewCreated(new View(Identifier.of("v"), "SELECT symbol FROM prices")), new ViewDropped(Identifier.of("v")),
                new TriggerCreated(new Trigger(Identifier.of("g"), T, "CREATE TRIGGER g AFTER INSERT ON prices BEGIN SELECT 1; END")),
                new TriggerDropped(Identifier.of("g")),
                new SqlExecuted("upper-case symbols", "UPDATE prices SET symbol = upper(symbol);", "SELECT 1;"));
    }

    private static Revision revision(List<SchemaEvent> events) {
        return new Revision(2, "every-event", "Every event — ünïcödé", "Ana <ana@example.com>",
                Instant.parse("2026-01-12T09:30:00Z"), "ab".repeat(32), events, null);
    }

    @Test
    void every_event_type_survives_a_write_and_read() {
        Revision r = RevisionHasher.seal(revision(everyEvent()));

        Revision back = RevisionCodec.read(RevisionCodec.write(r), "r.json");

        assertEquals(r, back);
        assertEquals(21, back.events().size());
        assertEquals(RevisionCodec.write(r), RevisionCodec.write(back));
    }

    @Test
    void the_canonical_form_sorts_keys_drops_absent_fields_and_has_no_white_space() {
        Revision r = new Revision(1, "a", "m", "me", Instant.parse("2026-01-01T00:00:00Z"), null,
                List.of(new ColumnAdded(T, Column.of("x", "TEXT"))), null);

        String canonical = new String(RevisionHasher.canonical(r), StandardCharsets.UTF_8);

        assertEquals("{\"author\":\"me\",\"events\":[{\"column\":{\"name\":\"x\",\"notNull\":false,\"type\":\"TEXT\"},"
                + "\"table\":\"prices\",\"type\":\"ColumnAdded\"}],\"format\":1,\"message\":\"m\",\"number\":1,\"slug\":\"a\","
                + "\"timestamp\":\"2026-01-01T00:00:00Z\"}", canonical);
        // pinned (sha256sum of the line above), so that an accidental change of the canonical form shows
        assertEquals("deb468de2f9d6173aaaa4a2200b95e5fb273251b4344716fdbea01249b61cbcf", RevisionHasher.hash(r));
    }

    @Test
    void a_column_added_at_a_position_names_the_column_it_goes_before() {
        Revision r = new Revision(1, "a", "m", "me", Instant.parse("2026-01-01T00:00:00Z"), null,
                List.of(new ColumnAdded(T, Column.of("x", "TEXT"), Identifier.of("close"))), null);

        String canonical = new String(RevisionHasher.canonical(r), StandardCharsets.UTF_8);

        assertEquals("{\"author\":\"me\",\"events\":[{\"before\":\"close\",\"column\":{\"name\":\"x\",\"notNull\":false,\"type\":\"TEXT\"},"
                + "\"table\":\"prices\",\"type\":\"ColumnAdded\"}],\"format\":1,\"message\":\"m\",\"number\":1,\"slug\":\"a\","
                + "\"timestamp\":\"2026-01-01T00:00:00Z\"}", canonical);
    }

    @Test
    void the_hash_ignores_formatting_of_the_file_but_not_its_content() {
        Revision r = RevisionHasher.seal(revision(everyEvent()));
        String compact = RevisionCodec.write(r).replaceAll("\\n\\s*", "");

        Revision reformatted = RevisionCodec.read(compact, "r.json");
        Revision edited = RevisionCodec.read(RevisionCodec.write(r).replace("upper-case symbols", "upper-case symbol"), "r.json");

        assertEquals(r.hash(), RevisionHasher.hash(reformatted));
        assertEquals(false, r.hash().equals(RevisionHasher.hash(edited)));
    }

    @Test
    void a_wrong_json_type_names_the_path_and_what_was_expected() {
        String json = RevisionCodec.write(RevisionHasher.seal(revision(List.of(new ColumnAdded(T, Column.of("x", "TEXT"))))))
                .replace("\"notNull\": false", "\"notNull\": \"no\"");

        RevisionFormatException e = assertThrows(RevisionFormatException.class, () -> RevisionCodec.read(json, "schema/events/0002-x.json"));

        assertEquals("schema/events/0002-x.json: $.events[0].column.notNull: expected true or false, found the string \"no\"", e.getMessage());
    }

    @Test
    void an_invalid_identifier_is_rejected_at_its_path() {
        String json = RevisionCodec.write(RevisionHasher.seal(revision(List.of(new TableDropped(T)))))
                .replace("\"table\": \"prices\"", "\"table\": \"sqlite_prices\"");

        RevisionFormatException e = assertThrows(RevisionFormatException.class, () -> RevisionCodec.read(json, "f.json"));

        assertEquals("f.json: $.events[0].table: invalid identifier 'sqlite_prices': names starting with sqlite_ are reserved by SQLite",
                e.getMessage());
    }

    @Test
    void a_missing_required_field_is_named() {
        String json = RevisionCodec.write(RevisionHasher.seal(revision(List.of(new TableDropped(T))))).replace("\"author\": \"Ana <ana@example.com>\",", "");

        RevisionFormatException e = assertThrows(RevisionFormatException.class, () -> RevisionCodec.read(json, "f.json"));

        assertEquals("f.json: $.author: missing required field 'author'", e.getMessage());
    }
}
