package dev.strata.events.schema;

import java.util.List;

/**
 * A UNIQUE table constraint over columns in order. SQLite backs it by an automatic index whose
 * name ({@code sqlite_autoindex_...}) is not part of the schema, so none is kept here.
 */
public record Unique(List<Identifier> columns) {

    public Unique {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a UNIQUE constraint needs at least one column");
        }
        if (columns.size() != columns.stream().distinct().count()) {
            throw new IllegalArgumentException("UNIQUE constraint lists a column twice: " + columns);
        }
    }

    public static Unique of(String... columns) {
        return new Unique(java.util.Arrays.stream(columns).map(Identifier::of).toList());
    }
}
