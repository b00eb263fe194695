package dev.strata.events.sqlite;

import dev.strata.events.schema.Column;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.ForeignKeyAction;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.IndexTerm;
import dev.strata.events.schema.PrimaryKey;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Unique;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads one table and its indexes from a live database: the {@code table_xinfo / index_list /
 * index_xinfo / foreign_key_list} pragmas, plus its stored CREATE statements for what the pragmas
 * do not tell (see {@link CreateStatements}). A pragma is asked only when the statement holds the
 * keyword its answer needs.
 */
final class TableReader {

    /** Values of {@code table_xinfo.hidden}: a virtual and a stored generated column. */
    private static final String VIRTUAL_COLUMN = "2";
    private static final String STORED_COLUMN = "3";

    private TableReader() {
    }

    /**
     * A table as read, with its indexes, and whether its statement and those of its indexes determine it: not
     * when a foreign key leaves out the parent's columns, which are then the parent's primary key, free to change
     * without the child's statement. Such a table is read again every time.
     */
    record TableRead(Table table, Map<Identifier, Index> indexes, boolean byStatements) {
        TableRead with(Map<Identifier, Index> tableIndexes) {
            return new TableRead(table, tableIndexes, byStatements);
        }
    }

    static TableRead table(Connection c, String tableName, String sql) throws SQLException {
        Identifier name = name(tableName, "table");
        CreateStatements.TableText text = CreateStatements.table(sql);
        List<Column> columns = new ArrayList<>();
        TreeMap<Integer, Identifier> key = new TreeMap<>();
        // cid, name, type, notnull, dflt_value, pk, hidden; in cid order
        for (String[] r : pragma(c, "table_xinfo", tableName)) {
            Identifier col = name(r[1], "column");
            Column column = new Column(col, r[2], "1".equals(r[3]), r[4], text.collations().get(col.key()));
            if (VIRTUAL_COLUMN.equals(r[6]) || STORED_COLUMN.equals(r[6])) {
                String expression = text.generated().get(col.key());
                if (expression == null) {
                    throw new UnsupportedSchemaException("table " + tableName + ": cannot find the expression of generated column "
                            + r[1] + " in its CREATE TABLE statement");
                }
                column = column.withGenerated(expression, STORED_COLUMN.equals(r[6]));
            } else if (!"0".equals(r[6])) {
                throw new UnsupportedSchemaException("table " + tableName + " has a hidden column " + r[1]
                        + " (hidden = " + r[6] + "), which only virtual tables have");
            }
            columns.add(column);
            int pk = Integer.parseInt(r[5]);
            if (pk > 0) {
                key.put(pk, col);
            }
        }
        PrimaryKey primaryKey = new PrimaryKey(List.copyOf(key.values()), text.autoincrement() && key.size() == 1);
        // a UNIQUE constraint and a foreign key each need their keyword in the statement: skip the pragmas without it
        List<ForeignKey> foreignKeys = new ArrayList<>();
        boolean byStatements = !mentions(sql, "references") || foreignKeys(c, tableName, foreignKeys);
        return new TableRead(new Table(name, columns, primaryKey, mentions(sql, "unique") ? uniques(c, tableName) : List.of(),
                foreignKeys, text.checks(), text.options()), Map.of(), byStatements);
    }

    static Map<Identifier, Index> indexes(Connection c, String table, Map<String, String> indexSql) throws SQLException {
        Map<Identifier, Index> out = new LinkedHashMap<>();
        for (String[] i : indexList(c, table, "c")) {
            Identifier name = name(i[1], "index");
            String sql = indexSql.get(i[1]);
            out.put(name, new Index(name, Identifier.of(table), terms(c, i[1], sql), "1".equals(i[2]), CreateStatements.indexWhere(sql)));
        }
        return out;
    }

    /** Whether {@code sql} holds the lower-case {@code word} in any case; an over-approximation of holding the keyword. */
    static boolean mentions(String sql, String word) {
        return sql.toLowerCase(Locale.ROOT).contains(word);
    }

    static Identifier name(String name, String what) {
        if (!Identifier.isValid(name)) {
            throw new UnsupportedSchemaException("the database has a " + what + " named '" + name
                    + "', which Strata cannot manage: names starting with sqlite_ are SQLite's own");
        }
        return Identifier.of(name);
    }

    /**
     * The rows of {@code PRAGMA pragma("arg")}, as text. The PRAGMA statement prepares in about half the
     * time of the table-valued {@code pragma_name(?)}, and a walk reads the pragmas of every table it changes.
     */
    static List<String[]> pragma(Connection c, String pragma, String arg) throws SQLException {
        List<String[]> out = new ArrayList<>();
        // arg is a name read from the database; quoted, it can only ever be a name
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA " + pragma + "(\"" + arg.replace("\"", "\"\"") + "\")")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getString(i + 1);
                }
                out.add(row);
            }
        }
        return out;
    }

    private static List<Unique> uniques(Connection c, String table) throws SQLException {
        List<Unique> out = new ArrayList<>();
        for (String[] index : indexList(c, table, "u")) {
            List<Identifier> columns = new ArrayList<>();
            for (String[] r : keyColumns(c, index[1])) {
                columns.add(name(r[2], "column"));
            }
            out.add(new Unique(columns));
        }
        return out;
    }

    /** The table's indexes of one origin (c: CREATE INDEX, u: UNIQUE), newest first: seq, name, unique, origin, partial. */
    private static List<String[]> indexList(Connection c, String table, String origin) throws SQLException {
        List<String[]> out = new ArrayList<>();
        for (String[] r : pragma(c, "index_list", table)) {
            if (origin.equals(r[3])) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparingInt((String[] r) -> Integer.parseInt(r[0])).reversed());
        return out;
    }

    /** The key columns of an index, in order: seqno, cid, name, desc, coll, key. */
    private static List<String[]> keyColumns(Connection c, String index) throws SQLException {
        return pragma(c, "index_xinfo", index).stream().filter(r -> "1".equals(r[5])).toList();
    }

    /**
     * The index's terms: the pragma tells columns from expressions (cid -2) and the direction; the statement
     * gives an expression's text and a collation written explicitly (the pragma reports the effective one).
     */
    private static List<IndexTerm> terms(Connection c, String index, String sql) throws SQLException {
        List<String[]> keys = keyColumns(c, index);
        List<CreateStatements.TermText> written = sql == null ? List.of() : CreateStatements.indexTerms(sql);
        if (written.size() != keys.size()) {
            throw new UnsupportedSchemaException("index " + index + ": its statement lists " + written.size()
                    + " terms but SQLite reports " + keys.size() + ": " + sql);
        }
        List<IndexTerm> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String[] r = keys.get(i);
            CreateStatements.TermText text = written.get(i);
            boolean expression = Integer.parseInt(r[1]) < 0;
            out.add(new IndexTerm(expression ? null : name(r[2], "column"), expression ? text.text() : null,
                    text.collation(), "1".equals(r[3])));
        }
        return out;
    }

    /** Adds the table's foreign keys to {@code out}; false if one takes its parent's primary key for leaving out its columns. */
    private static boolean foreignKeys(Connection c, String table, List<ForeignKey> out) throws SQLException {
        // id, seq, table, from, to, on_update, on_delete, match; grouped by id, the highest (first declared) first
        TreeMap<Integer, List<String[]>> byId = new TreeMap<>(Comparator.reverseOrder());
        for (String[] r : pragma(c, "foreign_key_list", table)) {
            byId.computeIfAbsent(Integer.parseInt(r[0]), k -> new ArrayList<>()).add(r);
        }
        boolean explicit = true;
        for (List<String[]> rows : byId.values()) {
            rows.sort(Comparator.comparingInt(r -> Integer.parseInt(r[1])));
            String parent = rows.get(0)[2];
            List<Identifier> from = rows.stream().map(r -> name(r[3], "column")).toList();
            explicit &= rows.get(0)[4] != null;
            List<Identifier> to = rows.get(0)[4] == null ? primaryKeyOf(c, parent, from.size()) : rows.stream().map(r -> name(r[4], "column")).toList();
            out.add(new ForeignKey(from, name(parent, "table"), to,
                    ForeignKeyAction.parse(rows.get(0)[6]), ForeignKeyAction.parse(rows.get(0)[5])));
        }
        return explicit;
    }

    /**
     * The parent's primary key, which a foreign key that names no columns references. A parent that does not
     * exist (SQLite allows that) has none: the foreign key then keeps its own columns' names, as a dangling key.
     */
    private static List<Identifier> primaryKeyOf(Connection c, String table, int size) throws SQLException {
        TreeMap<Integer, Identifier> key = new TreeMap<>();
        for (String[] r : pragma(c, "table_xinfo", table)) {
            int pk = Integer.parseInt(r[5]);
            if (pk > 0) {
                key.put(pk, name(r[1], "column"));
            }
        }
        return key.size() == size ? List.copyOf(key.values()) : List.of();
    }
}
