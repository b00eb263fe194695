package dev.strata.events.sqlite;

import dev.strata.events.schema.Column;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Inserts a few generated rows into every table: values fit the column's type, are distinct (so
 * keys and UNIQUE constraints hold), and foreign-key columns take values of existing parent rows
 * (parents are seeded first). A row a constraint refuses (SQLITE_CONSTRAINT: a CHECK, a key, a trigger's
 * RAISE, a rowid's type, a JSON function's argument) is tried with other values and otherwise left out; the tables that got no row are reported. Any other
 * error (the time budget spent, a function that fails) is thrown.
 */
final class DataSeeder {

    private final Connection c;
    private final Set<String> jsonNames;
    private long counter;
    private final Map<Identifier, String> refusals = new LinkedHashMap<>();
    private Set<Identifier> tables = Set.of();

    DataSeeder(Connection c, long start) {
        this(c, start, Set.of());
    }

    /** @param jsonNames names of columns the migrations read as JSON, in any table */
    DataSeeder(Connection c, long start, Set<String> jsonNames) {
        this.c = c;
        this.counter = start;
        this.jsonNames = jsonNames;
    }

    /** Why the last {@code seed} left each unseeded table without rows: SQLite's refusal of its last try. */
    Map<Identifier, String> refusals() {
        return Map.copyOf(refusals);
    }

    long counter() {
        return counter;
    }

    /**
     * Tops every table up to {@code rowsPerTable} rows (rows already there stay, so a table is seeded
     * once and its rows then live through later revisions); returns the tables that have none.
     */
    List<Identifier> seed(Schema schema, Set<Identifier> only, int rowsPerTable) throws SQLException {
        return seed(schema, only, rowsPerTable, null);
    }

    /**
     * Like {@link #seed(Schema, Set, int)}, with rows that also satisfy what {@code next} (the schema a revision
     * leads to) asks of the same tables: distinct values for its new UNIQUE keys, parent keys for its new foreign
     * keys, no NULL where it adds NOT NULL, JSON where it reads JSON.
     */
    List<Identifier> seed(Schema schema, Set<Identifier> only, int rowsPerTable, Schema next) throws SQLException {
        List<Identifier> unseeded = new ArrayList<>();
        refusals.clear();
        Schema subset = new Schema(schema.tables().entrySet().stream().filter(e -> only.contains(e.getKey()))
                .map(e -> Map.entry(e.getKey(), next == null ? e.getValue() : Conforming.table(e.getValue(), schema, next)))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)),
                Map.of(), Map.of(), Map.of());
        SeedValues values = SeedValues.of(schema, next, jsonNames, only);
        Set<List<Identifier>> uniqueKeys = Conforming.uniqueKeys(next == null ? schema : next, only);
        this.tables = schema.tables().keySet();
        for (Table t : parentsFirst(subset)) {
            long existing = count(t.name());
            int inserted = (int) Math.min(existing, rowsPerTable);
            for (long i = existing; i < rowsPerTable; i++) {
                if (insertOne(t, values, uniqueKeys, i, rowsPerTable)) {
                    inserted++;
                }
            }
            if (inserted == 0) {
                unseeded.add(t.name());
            }
        }
        return unseeded;
    }

    /**
     * Inserts row {@code row} of {@code rows}: the last one leaves nullable columns that no key or constraint
     * needs NULL, as applications leave optional values out.
     */
    private boolean insertOne(Table t, SeedValues generated, Set<List<Identifier>> uniqueKeys, long row, int rows)
            throws SQLException {
        for (int attempt = 0; attempt < 4; attempt++) {
            List<Column> cols = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            boolean possible = true;
            Map<Identifier, Object> fkValues = foreignKeyValues(t, uniqueKeys, row);
            if (fkValues == null) {
                refusals.put(t.name(), "a table it references has no rows to point to");
                return false;
            }
            boolean sparse = rows > 1 && row == rows - 1 && attempt == 0;
            for (Column col : t.columns()) {
                if (col.isGenerated() || (isRowidAlias(t, col) && !fkValues.containsKey(col.name()))) {
                    continue;
                }
                List<Object> allowed = allowedValues(t, col);
                Object v;
                if (fkValues.containsKey(col.name())) {
                    v = fkValues.get(col.name());
                } else if (sparse && !col.notNull() && col.defaultValue() == null && !t.isConstrained(col.name())) {
                    v = null;
                } else {
                    v = allowed.isEmpty() ? generated.value(t, col, ++counter, attempt) : allowed.get((int) (counter++ % allowed.size()));
                }
                if (v == null && col.notNull()) {
                    possible = false;
                }
                cols.add(col);
                values.add(v);
            }
            if (!possible) {
                refusals.put(t.name(), "a NOT NULL column has no value Strata can give it");
                return false;
            }
            String sql = "INSERT INTO " + t.name().quoted() + " (" + cols.stream().map(x -> x.name().quoted())
                    .collect(Collectors.joining(", ")) + ") VALUES (" + "?, ".repeat(cols.size()).replaceAll(", $", "") + ")";
            if (cols.isEmpty()) {
                sql = "INSERT INTO " + t.name().quoted() + " DEFAULT VALUES";
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < values.size(); i++) {
                    ps.setObject(i + 1, values.get(i));
                }
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (!refusesTheValues(e)) {
                    throw e;
                }
                // the statement is Strata's own: a constraint or a trigger's RAISE refused these values; try others
                refusals.put(t.name(), e.getMessage());
            }
        }
        return false;
    }

    /**
     * Whether SQLite refused a row for its values: a constraint (SQLITE_CONSTRAINT and its extended codes); a
     * rowid alias given a value that is not an integer (SQLITE_MISMATCH: what a STRICT table reports as
     * SQLITE_CONSTRAINT_DATATYPE), as when a foreign key on the rowid takes a parent's text; or a CHECK or trigger
     * that reads a seeded value as JSON when it is not ("malformed JSON", which SQLite reports as SQLITE_ERROR).
     */
    private static boolean refusesTheValues(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        return ScriptException.isConstraint(e.getErrorCode(), e.getMessage()) || primary == SQLITE_MISMATCH
                || (primary == SQLITE_ERROR && e.getMessage() != null && e.getMessage().contains("(malformed JSON)"));
    }

    private static final int SQLITE_ERROR = 1;
    private static final int SQLITE_MISMATCH = 20;

    /**
     * Values for the foreign-key columns, taken from an existing parent row; null if a parent is empty. A foreign
     * key that is also a unique key takes a different parent for each row.
     */
    private Map<Identifier, Object> foreignKeyValues(Table t, Set<List<Identifier>> uniqueKeys, long row) throws SQLException {
        Map<Identifier, Object> out = new LinkedHashMap<>();
        for (ForeignKey fk : t.foreignKeys()) {
            String sql = "SELECT " + fk.referencedColumns().stream().map(Identifier::quoted).collect(Collectors.joining(", "))
                    + " FROM " + fk.referencedTable().quoted() + " LIMIT 1 OFFSET ?";
            // a parent that does not exist has no row to point to: with foreign keys on, only NULL passes
            long parents = tables.contains(fk.referencedTable()) && !fk.referencedColumns().isEmpty() ? count(fk.referencedTable()) : 0;
            if (parents == 0) {
                boolean nullable = fk.columns().stream().allMatch(col -> t.column(col).map(x -> !x.notNull()).orElse(true));
                if (!nullable) {
                    return null;
                }
                fk.columns().forEach(col -> out.put(col, null));
                continue;
            }
            boolean unique = uniqueKeys.contains(keyOf(t.name(), fk.columns()));
            if (unique && row >= parents) {
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, unique ? row : counter++ % parents);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        for (int i = 0; i < fk.columns().size(); i++) {
                            out.put(fk.columns().get(i), rs.getObject(i + 1));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** A unique key as {@link Conforming#uniqueKeys} lists it: the table, then its columns in order. */
    static List<Identifier> keyOf(Identifier table, List<Identifier> columns) {
        List<Identifier> key = new ArrayList<>();
        key.add(table);
        key.addAll(columns.stream().sorted().toList());
        return key;
    }

    /** The values a {@code CHECK (col IN (literal, ...))} allows for the column, or none. */
    static List<Object> allowedValues(Table t, Column col) {
        for (var check : t.checks()) {
            List<dev.strata.events.schema.SqlText.Token> tokens = dev.strata.events.schema.SqlText.tokens(check.expression());
            if (tokens.size() >= 5 && col.name().key().equals(tokens.get(0).identifierKey())
                    && tokens.get(1).text().equalsIgnoreCase("IN") && tokens.get(2).text().equals("(")) {
                List<Object> out = new ArrayList<>();
                for (int i = 3; i < tokens.size(); i += 2) {
                    var tok = tokens.get(i);
                    switch (tok.kind()) {
                        case STRING -> out.add(dev.strata.events.schema.SqlText.unquote(tok.text()));
                        case NUMBER -> out.add(tok.text().contains(".") ? (Object) Double.valueOf(tok.text()) : Long.valueOf(tok.text()));
                        default -> {
                            return List.of();
                        }
                    }
                }
                return out;
            }
        }
        return List.of();
    }

    private long count(Identifier table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table.quoted())) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static boolean isRowidAlias(Table t, Column col) {
        return t.primaryKey().columns().size() == 1 && t.primaryKey().columns().get(0).equals(col.name())
                && col.type().equalsIgnoreCase("INTEGER") && !t.isWithoutRowid();
    }

    /** Tables ordered so that a table comes after the tables it references (cycles keep their order). */
    static List<Table> parentsFirst(Schema schema) {
        List<Table> out = new ArrayList<>();
        Set<Identifier> done = new HashSet<>();
        List<Table> pending = new ArrayList<>(schema.tables().values());
        while (!pending.isEmpty()) {
            boolean progressed = false;
            for (var it = pending.iterator(); it.hasNext(); ) {
                Table t = it.next();
                boolean ready = t.foreignKeys().stream().allMatch(f -> f.referencedTable().equals(t.name())
                        || done.contains(f.referencedTable()) || !schema.tables().containsKey(f.referencedTable()));
                if (ready) {
                    out.add(t);
                    done.add(t.name());
                    it.remove();
                    progressed = true;
                }
            }
            if (!progressed) {
                out.addAll(pending);
                break;
            }
        }
        return out;
    }
}
