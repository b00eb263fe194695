package dev.strata.events.sqlite;

import dev.strata.events.schema.ColumnRef;
import dev.strata.events.schema.Dependents;
import dev.strata.events.schema.DependentsFinder;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.SqlText;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Trigger;
import dev.strata.events.schema.View;
import dev.strata.events.schema.VirtualTable;
import dev.strata.events.sql.Ddl;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Dependents as SQLite decides them, on a scratch copy of the schema ({@link DependentsScratch}). The core finds
 * this through {@link java.util.ServiceLoader}, so every fold, diff and rebuild uses it. A question no view or
 * trigger can concern (none names any of the tables, views or columns asked about) is answered without SQLite;
 * scratch copies and their answers are kept for the last few schemas, since a walk or a fold asks many times.
 */
public final class SqliteDependentsFinder implements DependentsFinder {

    private static final List<Identifier> ROWID = List.of(Identifier.of("rowid"), Identifier.of("oid"), Identifier.of("_rowid_"));
    private static final int SCRATCH_COPIES = 8;
    private static final int NAME_SETS = 4096;

    private final Map<String, DependentsScratch> scratches = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DependentsScratch> eldest) {
            if (size() <= SCRATCH_COPIES) {
                return false;
            }
            try {
                eldest.getValue().close();
            } catch (SQLException ignored) {
                // an in-memory database that fails to close holds nothing worth reporting
            }
            return true;
        }
    };
    private final Map<String, Set<String>> namesBySql = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
            return size() > NAME_SETS;
        }
    };

    @Override
    public synchronized Dependents find(Schema schema, Set<Identifier> relations, Set<ColumnRef> columns) {
        if (!mayConcern(schema, relations, columns)) {
            return Dependents.NONE;
        }
        Schema relevant = relevant(schema, relations, columns);
        String ddl = ddl(relevant);
        try {
            DependentsScratch scratch = scratches.get(ddl);
            if (scratch == null) {
                scratch = new DependentsScratch(relevant);
                scratches.put(ddl, scratch);
            }
            Set<String> found = scratch.dependents(relations, columns);
            List<View> views = schema.views().values().stream().filter(v -> found.contains(v.name().key())).toList();
            Set<Identifier> viewNames = new HashSet<>();
            views.forEach(v -> viewNames.add(v.name()));
            // dropping a view drops the triggers on it, so SQLite never names them: they stand on the view
            List<Trigger> triggers = schema.triggers().values().stream()
                    .filter(t -> !relations.contains(t.table()) && (found.contains(t.name().key()) || viewNames.contains(t.table())))
                    .toList();
            return new Dependents(views, triggers);
        } catch (SQLException e) {
            throw new IllegalStateException("could not decide on a scratch copy of the schema which views and triggers use "
                    + relations + " " + columns + ": " + e.getMessage() + "; nothing was changed", e);
        }
    }

    /** Whether any view or trigger names one of the relations or columns (or the rowid, for a rowid alias). */
    private boolean mayConcern(Schema schema, Set<Identifier> relations, Set<ColumnRef> columns) {
        Set<String> asked = new HashSet<>();
        relations.forEach(r -> asked.add(r.key()));
        for (ColumnRef c : columns) {
            asked.add(c.column().key());
            if (schema.table(c.table()).flatMap(Table::rowidAlias).filter(c.column()::equals).isPresent()) {
                ROWID.forEach(r -> asked.add(r.key()));
            }
        }
        return Stream.concat(schema.views().values().stream().map(View::select), schema.triggers().values().stream().map(Trigger::sql))
                .anyMatch(sql -> names(sql).stream().anyMatch(asked::contains));
    }

    private Set<String> names(String sql) {
        Set<String> names = namesBySql.get(sql);
        if (names == null) {
            names = new HashSet<>();
            for (SqlText.Token t : SqlText.tokens(sql)) {
                if (t.identifierKey() != null) {
                    names.add(t.identifierKey());
                } else if (t.kind() == SqlText.Token.Kind.STRING) {
                    // SQLite takes a string where it expects a name ("SELECT * FROM 'orders'"), so count it
                    names.add(Identifier.foldAscii(SqlText.unquote(t.text())));
                }
            }
            namesBySql.put(sql, names);
        }
        return names;
    }

    /**
     * The part of the schema SQLite needs to answer: every view and trigger, the tables they name (a superset: any
     * word of theirs) or stand on, and the tables asked about. A table no view or trigger names cannot make one
     * compile or fail, and leaving it out lets schemas that differ only in such tables share a scratch copy.
     */
    private Schema relevant(Schema schema, Set<Identifier> relations, Set<ColumnRef> columns) {
        Set<String> named = new HashSet<>();
        schema.views().values().forEach(v -> named.addAll(names(v.select())));
        schema.triggers().values().forEach(t -> {
            named.addAll(names(t.sql()));
            named.add(t.table().key());
        });
        relations.forEach(r -> named.add(r.key()));
        columns.forEach(c -> named.add(c.table().key()));
        Map<Identifier, Table> tables = new LinkedHashMap<>();
        schema.tables().forEach((k, t) -> {
            if (named.contains(k.key())) {
                tables.put(k, t);
            }
        });
        Map<Identifier, VirtualTable> virtual = new LinkedHashMap<>();
        schema.virtualTables().forEach((k, v) -> {
            if (named.contains(k.key())) {
                virtual.put(k, v);
            }
        });
        return new Schema(tables, Map.of(), schema.views(), schema.triggers(), virtual);
    }

    /** What the scratch copy holds: schemas with the same text share it, whatever their indexes. */
    private static String ddl(Schema schema) {
        StringBuilder out = new StringBuilder();
        schema.tables().values().forEach(t -> out.append(Ddl.createTable(t)).append(";\n"));
        schema.virtualTables().values().forEach(v -> out.append(v.sql()).append(";\n"));
        schema.views().values().forEach(v -> out.append(Ddl.createView(v)).append(";\n"));
        schema.triggers().values().forEach(t -> out.append(t.sql()).append(";\n"));
        return out.toString();
    }
}
