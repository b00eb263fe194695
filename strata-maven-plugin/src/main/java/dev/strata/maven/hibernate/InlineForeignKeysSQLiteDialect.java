package dev.strata.maven.hibernate;

import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.internal.StandardTableExporter;
import org.hibernate.tool.schema.spi.Exporter;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Hibernate's SQLite dialect, with the entities' foreign keys in their CREATE TABLE. SQLite cannot add
 * a foreign key to an existing table, so the stock dialect (which adds them with ALTER TABLE elsewhere)
 * leaves them out of the schema export; the relations a {@code @ManyToOne} declares are part of the
 * schema Strata compares, so this exporter writes them where SQLite wants them.
 */
public class InlineForeignKeysSQLiteDialect extends SQLiteDialect {

    private final Exporter<Table> tables = new StandardTableExporter(this) {
        @Override
        protected void applyTableCheck(Table table, StringBuilder create) {
            super.applyTableCheck(table, create);
            table.getForeignKeyCollection().stream()
                    .filter(fk -> fk.isCreationEnabled() && fk.isPhysicalConstraint())
                    .sorted(Comparator.comparing(fk -> names(fk.getColumns())))
                    .forEach(fk -> create.append(", ").append(foreignKey(fk)));
        }
    };

    @Override
    public Exporter<Table> getTableExporter() {
        return tables;
    }

    private String foreignKey(ForeignKey fk) {
        List<Column> referenced = fk.isReferenceToPrimaryKey() ? fk.getReferencedTable().getPrimaryKey().getColumns()
                : fk.getReferencedColumns();
        String clause = "foreign key (" + names(fk.getColumns()) + ") references " + fk.getReferencedTable().getQuotedName(this)
                + " (" + names(referenced) + ")";
        OnDeleteAction onDelete = fk.getOnDeleteAction();
        return onDelete == null || onDelete == OnDeleteAction.NO_ACTION ? clause : clause + " on delete " + onDelete.toSqlString();
    }

    private String names(List<Column> columns) {
        return columns.stream().map(c -> c.getQuotedName(this)).collect(Collectors.joining(", "));
    }
}
