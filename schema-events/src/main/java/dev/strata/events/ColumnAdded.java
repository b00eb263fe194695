package dev.strata.events;

import dev.strata.events.schema.Column;
import dev.strata.events.schema.ColumnRef;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A column was added at the end of a table, or, with {@code before}, in front of that column of the
 * table. Naming the next column rather than the previous one can say every position, the first
 * included; the downgrade of a dropped column uses it to put the column back where it was.
 *
 * @param before the column the new one goes in front of, or null to add it last
 */
public record ColumnAdded(Identifier table, Column column, Identifier before) implements SchemaEvent {

    public ColumnAdded {
        Objects.requireNonNull(table, "ColumnAdded needs a table");
        Objects.requireNonNull(column, "ColumnAdded needs a column");
        if (column.name().equals(before)) {
            throw new IllegalArgumentException("ColumnAdded: column " + column.name() + " cannot go before itself");
        }
    }

    /** A column added last, as {@code ALTER TABLE ... ADD COLUMN} does. */
    public ColumnAdded(Identifier table, Column column) {
        this(table, column, null);
    }

    @Override
    public Schema applyTo(Schema schema) {
        String action = describe();
        Table t = Rules.table(schema, table, action);
        if (t.hasColumn(column.name())) {
            throw Rules.invalid(action, "the column already exists");
        }
        if (before != null && !t.hasColumn(before)) {
            throw Rules.invalid(action, "column " + table + "." + before + ", which it should go before, does not exist");
        }
        List<Column> columns = new ArrayList<>(t.columns());
        columns.add(before == null ? columns.size() : t.columnNames().indexOf(before), column);
        return Rules.build(action, () -> schema.withTable(t.withColumns(columns)));
    }

    @Override
    public List<SchemaEvent> inverse(Schema schema) {
        // a view or trigger that only works with the new column would block the drop
        return Rules.aroundDependents(applyTo(schema).dependents(new ColumnRef(table, column.name())),
                List.of(new ColumnDropped(table, column.name())));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "add column " + table + "." + column.name() + (before == null ? "" : " before " + before);
    }
}
