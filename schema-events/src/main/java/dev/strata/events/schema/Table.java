package dev.strata.events.schema;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A table: columns in declared order, primary key, UNIQUE constraints, foreign keys, CHECK
 * constraints and options ({@code WITHOUT ROWID}, {@code STRICT}). Equality is semantic: column
 * order and constraint order do not matter (use {@link #columnNames()} to compare order). Several
 * foreign keys may share columns, and a foreign key may reference a table the schema lacks, as
 * SQLite allows.
 */
public record Table(Identifier name, List<Column> columns, PrimaryKey primaryKey, List<Unique> uniques,
                    List<ForeignKey> foreignKeys, List<Check> checks, Set<TableOption> options) {

    public Table {
        Objects.requireNonNull(name, "table name must not be null");
        columns = List.copyOf(columns);
        primaryKey = primaryKey == null ? PrimaryKey.NONE : primaryKey;
        uniques = List.copyOf(uniques == null ? List.of() : uniques);
        foreignKeys = List.copyOf(foreignKeys == null ? List.of() : foreignKeys);
        checks = List.copyOf(checks == null ? List.of() : checks);
        options = options == null || options.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(options));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table " + name + " needs at least one column");
        }
        Set<Identifier> names = new HashSet<>();
        for (Column c : columns) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("table " + name + " declares column " + c.name() + " twice");
            }
        }
        for (Identifier c : primaryKey.columns()) {
            requireColumn(name, names, c, "primary key");
        }
        if (primaryKey.autoincrement()) {
            Identifier key = primaryKey.columns().get(0);
            Column pk = columns.stream().filter(c -> c.name().equals(key)).findFirst().orElseThrow();
            if (!SqlText.normalizeType(pk.type()).equals("INTEGER")) {
                throw new IllegalArgumentException("table " + name + ": AUTOINCREMENT needs column " + pk.name()
                        + " to be declared INTEGER, not '" + pk.type() + "'");
            }
        }
        for (Unique u : uniques) {
            for (Identifier c : u.columns()) {
                requireColumn(name, names, c, "UNIQUE constraint");
            }
        }
        for (ForeignKey fk : foreignKeys) {
            for (Identifier c : fk.columns()) {
                requireColumn(name, names, c, "foreign key");
            }
        }
        if (options.contains(TableOption.WITHOUT_ROWID)) {
            if (!primaryKey.isPresent() || primaryKey.autoincrement()) {
                throw new IllegalArgumentException("table " + name + ": a WITHOUT ROWID table needs a PRIMARY KEY"
                        + (primaryKey.autoincrement() ? " without AUTOINCREMENT" : ""));
            }
            // SQLite makes the key of a WITHOUT ROWID table NOT NULL, and reports it so
            List<Identifier> key = primaryKey.columns();
            columns = columns.stream().map(c -> key.contains(c.name()) && !c.notNull() ? c.withNotNull(true) : c).toList();
        }
        for (Unique u : uniques) {
            if (u.columns().equals(primaryKey.columns())) {
                throw new IllegalArgumentException("table " + name + ": UNIQUE " + u.columns()
                        + " repeats the primary key, which is unique already; leave it out");
            }
        }
        if (new HashSet<>(uniques).size() != uniques.size()) {
            throw new IllegalArgumentException("table " + name + " declares the same UNIQUE constraint twice");
        }
        if (new HashSet<>(checks).size() != checks.size()) {
            throw new IllegalArgumentException("table " + name + " declares the same CHECK constraint twice");
        }
    }

    private static void requireColumn(Identifier table, Set<Identifier> names, Identifier column, String what) {
        if (!names.contains(column)) {
            throw new IllegalArgumentException("table " + table + ": " + what + " names column " + column
                    + ", which the table does not have");
        }
    }

    /** A table without options. */
    public Table(Identifier name, List<Column> columns, PrimaryKey primaryKey, List<Unique> uniques,
                 List<ForeignKey> foreignKeys, List<Check> checks) {
        this(name, columns, primaryKey, uniques, foreignKeys, checks, Set.of());
    }

    /** A table with the given columns and nothing else. */
    public static Table of(String name, Column... columns) {
        return new Table(Identifier.of(name), List.of(columns), PrimaryKey.NONE, List.of(), List.of(), List.of());
    }

    public List<Identifier> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public Optional<Column> column(Identifier column) {
        return columns.stream().filter(c -> c.name().equals(column)).findFirst();
    }

    public boolean hasColumn(Identifier column) {
        return column(column).isPresent();
    }

    public Optional<ForeignKey> foreignKey(List<Identifier> fkColumns) {
        return foreignKeys.stream().filter(f -> f.columns().equals(fkColumns)).findFirst();
    }

    public Table withName(Identifier newName) {
        return new Table(newName, columns, primaryKey, uniques, foreignKeys, checks, options);
    }

    public Table withColumns(List<Column> newColumns) {
        return new Table(name, newColumns, primaryKey, uniques, foreignKeys, checks, options);
    }

    /** Replaces the column of the same name, keeping its position. */
    public Table withColumnReplaced(Identifier column, Column replacement) {
        return withColumns(columns.stream().map(c -> c.name().equals(column) ? replacement : c).toList());
    }

    public Table withPrimaryKey(PrimaryKey key) {
        return new Table(name, columns, key, uniques, foreignKeys, checks, options);
    }

    public Table withUniques(List<Unique> newUniques) {
        return new Table(name, columns, primaryKey, newUniques, foreignKeys, checks, options);
    }

    public Table withForeignKeys(List<ForeignKey> newForeignKeys) {
        return new Table(name, columns, primaryKey, uniques, newForeignKeys, checks, options);
    }

    public Table withChecks(List<Check> newChecks) {
        return new Table(name, columns, primaryKey, uniques, foreignKeys, newChecks, options);
    }

    public Table withOptions(Set<TableOption> newOptions) {
        return new Table(name, columns, primaryKey, uniques, foreignKeys, checks, newOptions);
    }

    public boolean isWithoutRowid() {
        return options.contains(TableOption.WITHOUT_ROWID);
    }

    /** The foreign keys on exactly these columns: usually one, but SQLite allows several. */
    public List<ForeignKey> foreignKeysOn(List<Identifier> fkColumns) {
        return foreignKeys.stream().filter(f -> f.columns().equals(fkColumns)).toList();
    }

    /** Whether the columns are this table's primary key or one of its UNIQUE constraints, in any order. */
    public boolean isKeyedBy(List<Identifier> key) {
        Set<Identifier> set = new HashSet<>(key);
        return set.size() == key.size() && (new HashSet<>(primaryKey.columns()).equals(set)
                || uniques.stream().anyMatch(u -> new HashSet<>(u.columns()).equals(set)));
    }

    /** The INTEGER PRIMARY KEY column, which SQLite makes an alias of the rowid, if the table has one. */
    public Optional<Identifier> rowidAlias() {
        return primaryKey.columns().size() == 1 && !isWithoutRowid()
                ? column(primaryKey.columns().get(0)).filter(c -> SqlText.normalizeType(c.type()).equals("INTEGER")).map(Column::name)
                : Optional.empty();
    }

    /** Whether any key, constraint or check of this table involves the column. */
    public boolean isConstrained(Identifier column) {
        return primaryKey.columns().contains(column)
                || uniques.stream().anyMatch(u -> u.columns().contains(column))
                || foreignKeys.stream().anyMatch(f -> f.columns().contains(column))
                || checks.stream().anyMatch(c -> SqlText.mentions(c.expression(), column));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Table t && name.equals(t.name) && primaryKey.equals(t.primaryKey) && options.equals(t.options)
                && sameElements(columns, t.columns) && sameElements(uniques, t.uniques)
                && sameElements(foreignKeys, t.foreignKeys) && sameElements(checks, t.checks);
    }

    /** Equal as sets; lists here are short and free of duplicates, so this needs no hashing. */
    private static <T> boolean sameElements(List<T> a, List<T> b) {
        return a.size() == b.size() && (a.equals(b) || (a.containsAll(b) && b.containsAll(a)));
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, new HashSet<>(columns), primaryKey, new HashSet<>(uniques),
                new HashSet<>(foreignKeys), new HashSet<>(checks), options);
    }
}
