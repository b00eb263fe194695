package dev.strata.events.sqlite;

import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Trigger;
import dev.strata.events.schema.View;
import dev.strata.events.schema.VirtualTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * Reads a live SQLite database into a {@link Schema}: {@code sqlite_schema}, then each table
 * through {@link TableReader}; a virtual table as its statement. SQLite's own objects, virtual
 * tables' shadow tables, Flyway's history table and Strata's temporary objects are left out.
 *
 * <pre>Schema live = Introspector.read(connection);</pre>
 */
public final class Introspector {

    private static final String OBJECTS = "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid";
    /** Field and record separators, and the mark of a NULL, for reading all objects as one value. */
    private static final char FIELD = 31;
    private static final char RECORD = 30;
    private static final String NULL = String.valueOf((char) 29);
    // one value instead of four per object: on a large schema the driver's per-value cost dominated. SQLite's
    // own objects and Flyway's table are left out, and the rowid order checked, in Java: a WHERE and an
    // ORDER BY inside the aggregate cost more than the read itself
    private static final String OBJECTS_AS_TEXT = "SELECT count(*), group_concat(rowid, ','), group_concat(type || char(31) || name"
            + " || char(31) || tbl_name || char(31) || ifnull(sql, char(29)), char(30)) FROM sqlite_schema";

    // what identifies a schema as read: each object's statement, or for an automatic index its name (type, name and
    // table follow from them); about a third of the full read, for checking that a database still has a known schema.
    // The count tells apart a statement that holds the separator itself
    private static final String STATEMENTS_AS_TEXT = "SELECT count(*) || char(30) || ifnull(group_concat(ifnull(sql, name), char(30)), '')"
            + " FROM sqlite_schema";

    private Introspector() {
    }

    /** One row of {@code sqlite_schema}: an object's type, name, table and statement (null for automatic indexes). */
    private record Row(String type, String name, String table, String sql) {
    }

    public static Schema read(Connection c) throws SQLException {
        return read(c, new Cache());
    }

    /**
     * Remembers what tables were read as, keyed by their stored CREATE statements and those of their
     * indexes, so reading a database again after a change re-reads only the tables it touched (a walk
     * over a long history then costs O(changes), not O(tables) per step).
     */
    public static final class Cache {
        // two generations: a downgrade usually restores the text an upgrade replaced, one read earlier
        private Map<String, TableReader.TableRead> tables = new java.util.HashMap<>();
        private Map<String, TableReader.TableRead> previous = new java.util.HashMap<>();
        private final Map<String, View> views = new java.util.HashMap<>();
        // whole schemas by every stored statement, in order: a round trip reads back one it read before
        private final Map<String, Map.Entry<Schema, String>> schemas = new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map.Entry<Schema, String>> eldest) {
                return size() > 3;
            }
        };
        // the statements text of the schemas last returned, by identity
        private final java.util.ArrayDeque<Map.Entry<Schema, String>> recent = new java.util.ArrayDeque<>();

        private void returned(Schema schema, String statements) {
            recent.removeIf(e -> e.getKey() == schema);
            recent.addFirst(Map.entry(schema, statements));
            if (recent.size() > 4) {
                recent.removeLast();
            }
        }

        private String statementsOf(Schema schema) {
            for (Map.Entry<Schema, String> e : recent) {
                if (e.getKey() == schema) {
                    return e.getValue();
                }
            }
            return null;
        }
    }

    /**
     * Like {@link #read(Connection, Cache)}, but when the database still has exactly the schema
     * {@code expected} that {@code cache} last returned, returns it after a cheaper read of the stored
     * statements alone: a round trip's checks usually find the schema they expect.
     */
    public static Schema read(Connection c, Cache cache, Schema expected) throws SQLException {
        String statements = cache.statementsOf(expected);
        if (statements != null) {
            try (PreparedStatement ps = c.prepareStatement(STATEMENTS_AS_TEXT); ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (statements.equals(rs.getString(1))) {
                    return expected;
                }
            }
        }
        return read(c, cache);
    }

    /** Like {@link #read(Connection)}, reusing what {@code cache} knows of tables that did not change. */
    public static Schema read(Connection c, Cache cache) throws SQLException {
        Map<Identifier, Table> tables = new LinkedHashMap<>();
        Map<Identifier, Index> indexes = new LinkedHashMap<>();
        Map<Identifier, View> views = new LinkedHashMap<>();
        Map<Identifier, Trigger> triggers = new LinkedHashMap<>();
        int count;
        long[] rowids;
        String text;
        try (PreparedStatement ps = c.prepareStatement(OBJECTS_AS_TEXT); ResultSet rs = ps.executeQuery()) {
            rs.next();
            count = rs.getInt(1);
            rowids = rowids(rs.getString(2), count);
            text = rs.getString(3) == null ? "" : rs.getString(3);
        }
        // both aggregates see the rows in the same order; one that is not the rowid order is sorted and not cached
        boolean ordered = isAscending(rowids);
        Map.Entry<Schema, String> known = ordered ? cache.schemas.get(text) : null;
        if (known != null) {
            cache.returned(known.getKey(), known.getValue());
            return known.getKey();
        }
        List<Row> objects = split(text, count);
        String statements = objects == null ? null : statements(objects);
        if (objects == null) {
            // a statement holds a separator character itself: read object by object, already in rowid order
            objects = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(OBJECTS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    objects.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            ordered = true;
        }
        // CREATE INDEX statements by index name, and the tables they index: the pragmas need not be asked about the others
        Map<String, String> indexSql = new java.util.HashMap<>();
        Set<String> indexed = new HashSet<>();
        for (Row o : objects) {
            if (o.type().equals("index") && o.sql() != null) {
                indexSql.put(o.name(), o.sql());
                indexed.add(Identifier.foldAscii(o.table()));
            }
        }
        objects = ownObjects(objects, ordered ? null : rowids);
        Map<String, StringBuilder> keys = new LinkedHashMap<>();
        for (Row o : objects) {
            if (o.type().equals("table") || o.type().equals("index")) {
                keys.computeIfAbsent(o.table(), k -> new StringBuilder()).append(o.type()).append(' ').append(o.name()).append('\n')
                        .append(o.sql()).append('\n');
            }
        }
        Map<String, TableReader.TableRead> seen = new java.util.HashMap<>();
        Set<String> shadows = shadowTables(c, objects);
        Map<Identifier, VirtualTable> virtualTables = new LinkedHashMap<>();
        for (Row o : objects) {
            if (o.type().equals("table") && isVirtual(o.sql())) {
                Identifier name = TableReader.name(o.name(), "virtual table");
                virtualTables.put(name, new VirtualTable(name, o.sql()));
            } else if (o.type().equals("table") && !shadows.contains(o.name())) {
                String key = keys.get(o.table()).toString();
                TableReader.TableRead read = cache.tables.get(key);
                if (read == null) {
                    read = cache.previous.get(key);
                }
                if (read == null) {
                    boolean hasIndexes = indexed.contains(Identifier.foldAscii(o.name()));
                    read = TableReader.table(c, o.name(), o.sql()).with(hasIndexes ? TableReader.indexes(c, o.name(), indexSql) : Map.of());
                }
                if (read.byStatements()) {
                    seen.put(key, read);
                }
                tables.put(read.table().name(), read.table());
                indexes.putAll(read.indexes());
            }
        }
        if (!seen.keySet().equals(cache.tables.keySet())) {
            cache.previous = cache.tables;
            cache.tables = seen;
        }
        for (Row o : objects) {
            switch (o.type()) {
                case "view" -> {
                    View v = cache.views.computeIfAbsent(o.sql(), sql -> new View(TableReader.name(o.name(), "view"), CreateStatements.viewSelect(sql)));
                    views.put(v.name(), v);
                }
                case "trigger" -> {
                    Identifier name = TableReader.name(o.name(), "trigger");
                    triggers.put(name, new Trigger(name, TableReader.name(o.table(), "table"), o.sql()));
                }
                default -> { }
            }
        }
        try {
            Schema schema = new Schema(tables, indexes, views, triggers, virtualTables);
            if (ordered && statements != null) {
                cache.schemas.put(text, Map.entry(schema, statements));
                cache.returned(schema, statements);
            }
            return schema;
        } catch (IllegalArgumentException e) {
            throw new UnsupportedSchemaException("the database's schema cannot be represented: " + e.getMessage(), e);
        }
    }

    /** What {@link #STATEMENTS_AS_TEXT} gives for these objects, all of them, in the order read. */
    private static String statements(List<Row> objects) {
        StringBuilder out = new StringBuilder().append(objects.size()).append(RECORD);
        for (int i = 0; i < objects.size(); i++) {
            Row o = objects.get(i);
            out.append(i == 0 ? "" : String.valueOf(RECORD)).append(o.sql() != null ? o.sql() : o.name());
        }
        return out.toString();
    }

    private static long[] rowids(String joined, int count) {
        long[] out = new long[count];
        if (count > 0) {
            String[] parts = joined.split(",", -1);
            for (int i = 0; i < count; i++) {
                out[i] = Long.parseLong(parts[i]);
            }
        }
        return out;
    }

    private static boolean isAscending(long[] values) {
        for (int i = 1; i < values.length; i++) {
            if (values[i] <= values[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Tables that record migrations rather than hold the application's data: Flyway's history, Alembic's
     * version and Strata's stored undo scripts. No schema comparison sees them.
     */
    public static final java.util.Set<String> BOOKKEEPING = java.util.Set.of("flyway_schema_history", "alembic_version", "strata_undo");

    /** The objects that are not SQLite's, Strata's temporary ones, Flyway's or Alembic's bookkeeping, sorted by rowid unless {@code rowids} is null. */
    private static List<Row> ownObjects(List<Row> objects, long[] rowids) {
        List<Integer> positions = new ArrayList<>(objects.size());
        for (int i = 0; i < objects.size(); i++) {
            positions.add(i);
        }
        if (rowids != null) {
            positions.sort(java.util.Comparator.comparingLong(i -> rowids[i]));
        }
        List<Row> out = new ArrayList<>(objects.size());
        for (int i : positions) {
            Row o = objects.get(i);
            // SQLite's own objects and Strata's temporary ones, by prefix in any case
            if (!o.name().regionMatches(true, 0, "sqlite_", 0, 7) && !o.name().regionMatches(true, 0, "_strata_", 0, 8)
                    && !BOOKKEEPING.contains(o.table())) {
                out.add(o);
            }
        }
        return out;
    }

    /** The objects {@link #OBJECTS_AS_TEXT} joined, or null if the text does not split into {@code count} of them. */
    private static List<Row> split(String text, int count) {
        List<Row> out = new ArrayList<>(count);
        if (count == 0) {
            return text.isEmpty() ? out : null;
        }
        String[] records = text.split(String.valueOf(RECORD), -1);
        if (records.length != count) {
            return null;
        }
        for (String record : records) {
            String[] f = record.split(String.valueOf(FIELD), -1);
            if (f.length != 4) {
                return null;
            }
            out.add(new Row(f[0], f[1], f[2], f[3].equals(NULL) ? null : f[3]));
        }
        return out;
    }

    private static boolean isVirtual(String sql) {
        return sql != null && sql.regionMatches(true, 0, "CREATE VIRTUAL", 0, "CREATE VIRTUAL".length());
    }

    /**
     * The tables virtual tables keep their data in ({@code docs_data}, {@code rt_node}, ...), by name: they belong
     * to their virtual table, not to the schema. Asked only when there is a virtual table.
     */
    private static Set<String> shadowTables(Connection c, List<Row> objects) throws SQLException {
        Set<String> out = new HashSet<>();
        if (objects.stream().noneMatch(o -> o.type().equals("table") && isVirtual(o.sql()))) {
            return out;
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA main.table_list")) {
            while (rs.next()) {
                if ("shadow".equals(rs.getString("type"))) {
                    out.add(rs.getString("name"));
                }
            }
        }
        return out;
    }
}
