package dev.strata.events.properties;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;

/**
 * The raw, shrinkable choices behind generated schemas and event sequences. jqwik generates and
 * shrinks these plain records; {@link SchemaBuilder} resolves them against the schema at hand (a
 * foreign key's parent is "existing table number {@code parent} modulo their count"), so every
 * choice means something whatever the schema looks like, and shrinking a list of choices still
 * gives a valid schema.
 */
final class SchemaSpecs {

    /** Declared types; INT and VARCHAR(20) keep INTEGER and TEXT affinity without being the rowid alias. */
    static final List<String> TYPES = List.of("INTEGER", "TEXT", "REAL", "NUMERIC", "BLOB", "INT", "VARCHAR(20)");

    /** Table names are t0..t{TABLE_NAMES-1}: few, so two independently generated schemas share tables. */
    static final int TABLE_NAMES = 5;
    static final int COLUMN_NAMES = 6;

    private SchemaSpecs() {
    }

    record ColumnSpec(int name, int type, int flags) {
        boolean notNull() {
            return flags % 3 == 0;
        }

        boolean withDefault() {
            return flags % 4 < 2;
        }

        boolean nocase() {
            return flags % 5 == 0;
        }
    }

    /** A foreign key: child columns from {@code column}, parent and which of its keys, actions. */
    record ForeignKeySpec(int column, int parent, int key, int onDelete, int onUpdate) {
    }

    /**
     * A table. {@code key}: 0/6 none, 1 {@code id INTEGER PRIMARY KEY}, 2 the same AUTOINCREMENT, 3 the
     * first column, 4 the first two, 5 the last two in reverse order. {@code uniques}: a column
     * number, plus the next column when 10 or more. {@code check} below 0: none.
     */
    record TableSpec(int name, List<ColumnSpec> columns, int key, List<Integer> uniques,
                     List<ForeignKeySpec> foreignKeys, int check) {
    }

    /** An index (kind 0-3), view (4-6), trigger (7-8) or foreign key added after the tables (9). */
    record ObjectSpec(int kind, int name, int a, int b, int c) {
    }

    record SchemaSpec(List<TableSpec> tables, List<ObjectSpec> objects) {
    }

    /**
     * One event: {@code kind} picks the event type (0-19 the structural events, 20 a data migration), the
     * numbers its details, {@code table} a new table.
     */
    record EventSpec(int kind, int a, int b, int c, int d, TableSpec table) {
    }

    static Arbitrary<ColumnSpec> columns() {
        return Combinators.combine(Arbitraries.integers().between(0, COLUMN_NAMES - 1),
                Arbitraries.integers().between(0, TYPES.size() - 1), Arbitraries.integers().between(0, 59))
                .as(ColumnSpec::new);
    }

    static Arbitrary<ForeignKeySpec> foreignKeys() {
        Arbitrary<Integer> n = Arbitraries.integers().between(0, 20);
        Arbitrary<Integer> action = Arbitraries.integers().between(0, 4);
        return Combinators.combine(n, n, n, action, action).as(ForeignKeySpec::new);
    }

    static Arbitrary<TableSpec> tables(int names) {
        return Combinators.combine(
                Arbitraries.integers().between(0, names - 1),
                columns().list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 19).list().ofMaxSize(2),
                foreignKeys().list().ofMaxSize(2),
                Arbitraries.integers().between(-4, 9)).as(TableSpec::new);
    }

    static Arbitrary<ObjectSpec> objects() {
        Arbitrary<Integer> n = Arbitraries.integers().between(0, 30);
        return Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 3), n, n, n)
                .as(ObjectSpec::new);
    }

    static Arbitrary<SchemaSpec> schemas() {
        return Combinators.combine(tables(TABLE_NAMES).list().ofMinSize(1).ofMaxSize(5), objects().list().ofMaxSize(6))
                .as(SchemaSpec::new);
    }

    static Arbitrary<EventSpec> events() {
        Arbitrary<Integer> n = Arbitraries.integers().between(0, 30);
        return Combinators.combine(Arbitraries.integers().between(0, 20), n, n, n, n, tables(TABLE_NAMES + 2))
                .as(EventSpec::new);
    }
}
