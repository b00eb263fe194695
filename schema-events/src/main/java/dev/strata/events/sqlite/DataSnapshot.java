package dev.strata.events.sqlite;

import dev.strata.events.schema.Identifier;

import java.util.List;
import java.util.Map;

/**
 * The rows of some tables at one moment: per table, its column names and its rows in the order a
 * scan reads them, each value as SQLite's {@code quote()} renders it, which tells the storage class
 * apart ({@code 7}, {@code 7.0}, {@code '7'}, {@code X'07'}, {@code NULL}).
 */
public record DataSnapshot(Map<Identifier, Rows> tables) {

    public DataSnapshot {
        tables = Map.copyOf(tables);
    }

    /** One table's rows. */
    public record Rows(List<Identifier> columns, List<List<String>> rows) {
        public Rows {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }

        /** The rows projected onto some of the columns, sorted, so tables of different shapes compare. */
        public List<List<String>> project(List<Identifier> onto) {
            int[] at = onto.stream().mapToInt(columns::indexOf).toArray();
            return rows.stream()
                    .map(r -> java.util.Arrays.stream(at).mapToObj(i -> i < 0 ? "absent" : r.get(i)).toList())
                    .sorted(java.util.Comparator.comparing(Object::toString))
                    .toList();
        }
    }
}
