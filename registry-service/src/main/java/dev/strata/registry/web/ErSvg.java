package dev.strata.registry.web;

import dev.strata.events.schema.Column;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An ER diagram of a schema as inline SVG, drawn on the server (no script, nothing to load): one box per table
 * with its columns and keys, laid out in a grid, and a line from each foreign key to the table it references.
 * Colours come from the stylesheet's classes (the content security policy allows no inline style).
 */
final class ErSvg {

    private static final int ROW = 18;
    private static final int CHAR = 7;
    private static final int GAP = 40;

    /** Where one table's box sits. */
    private record Box(Table table, int x, int y, int width, int height) {
        int rowY(int i) {
            return y + ROW * (i + 1) + ROW / 2 + 4;
        }
    }

    private ErSvg() {
    }

    static Html of(Schema schema, String caption) {
        List<Table> tables = new ArrayList<>(schema.tables().values());
        if (tables.isEmpty()) {
            return new Html().raw("<p>No tables at this point.</p>\n");
        }
        int across = Math.max(1, Math.min(4, (int) Math.ceil(Math.sqrt(tables.size()))));
        int[] widths = new int[across];
        for (int i = 0; i < tables.size(); i++) {
            widths[i % across] = Math.max(widths[i % across], width(tables.get(i)));
        }
        Map<Identifier, Box> boxes = new HashMap<>();
        List<Box> order = new ArrayList<>();
        int y = GAP / 2;
        for (int row = 0; row * across < tables.size(); row++) {
            int x = GAP / 2;
            int tallest = 0;
            for (int col = 0; col < across && row * across + col < tables.size(); col++) {
                Table t = tables.get(row * across + col);
                Box b = new Box(t, x, y, widths[col], ROW * (t.columns().size() + 1) + 8);
                boxes.put(t.name(), b);
                order.add(b);
                x += widths[col] + GAP;
                tallest = Math.max(tallest, b.height());
            }
            y += tallest + GAP;
        }
        int totalWidth = GAP;
        for (int w : widths) {
            totalWidth += w + GAP;
        }
        Html h = new Html().raw("<svg class=\"er\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"er-title\"")
                .raw(" width=\"" + totalWidth + "\" height=\"" + y + "\" viewBox=\"0 0 " + totalWidth + " " + y + "\">\n<title id=\"er-title\">")
                .text(caption).raw("</title>\n<defs><marker id=\"er-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\"")
                .raw(" markerHeight=\"8\" orient=\"auto-start-reverse\"><path class=\"er-arrow\" d=\"M 0 0 L 10 5 L 0 10 z\"/></marker></defs>\n");
        for (Box b : order) {
            box(h, b);
        }
        for (Box b : order) {
            for (ForeignKey f : b.table().foreignKeys()) {
                Box target = boxes.get(f.referencedTable());
                if (target != null) {
                    link(h, b, target, f);
                }
            }
        }
        return h.raw("</svg>\n");
    }

    private static int width(Table t) {
        int chars = t.name().name().length() + 2;
        for (Column c : t.columns()) {
            chars = Math.max(chars, line(t, c).length() + 2);
        }
        return Math.min(chars, 60) * CHAR + 16;
    }

    private static String line(Table t, Column c) {
        boolean pk = t.primaryKey().columns().contains(c.name());
        boolean fk = t.foreignKeys().stream().anyMatch(f -> f.columns().contains(c.name()));
        String keys = (pk ? " PK" : "") + (fk ? " FK" : "");
        return c.name().name() + " " + (c.type().isEmpty() ? "ANY" : c.type()) + keys + (c.notNull() ? " not null" : "");
    }

    private static void box(Html h, Box b) {
        h.raw("<g class=\"er-table\"><rect class=\"er-box\" x=\"" + b.x() + "\" y=\"" + b.y() + "\" width=\"" + b.width()
                + "\" height=\"" + b.height() + "\" rx=\"4\"/>")
                .raw("<rect class=\"er-head\" x=\"" + b.x() + "\" y=\"" + b.y() + "\" width=\"" + b.width() + "\" height=\"" + (ROW + 4)
                        + "\" rx=\"4\"/>")
                .raw("<text class=\"er-name\" x=\"" + (b.x() + 8) + "\" y=\"" + (b.y() + ROW - 2) + "\">").text(b.table().name().name())
                .raw("</text>");
        List<Column> columns = b.table().columns();
        for (int i = 0; i < columns.size(); i++) {
            h.raw("<text class=\"er-col\" x=\"" + (b.x() + 8) + "\" y=\"" + (b.rowY(i) + 4) + "\">").text(line(b.table(), columns.get(i)))
                    .raw("</text>");
        }
        h.raw("</g>\n");
    }

    /** From the referencing column's row to the referenced table's header, on the sides that face each other. */
    private static void link(Html h, Box from, Box to, ForeignKey f) {
        int row = Math.max(0, from.table().columnNames().indexOf(f.columns().get(0)));
        int y1 = from.rowY(row);
        int y2 = to.y() + ROW / 2 + 2;
        boolean rightward = to.x() > from.x();
        boolean same = to == from;
        int x1 = rightward || same ? from.x() + from.width() : from.x();
        int x2 = same ? to.x() + to.width() : rightward ? to.x() : to.x() + (to.x() == from.x() ? 0 : to.width());
        String d = same ? "M " + x1 + " " + y1 + " C " + (x1 + 30) + " " + y1 + ", " + (x2 + 30) + " " + y2 + ", " + x2 + " " + y2
                : "M " + x1 + " " + y1 + " L " + x2 + " " + y2;
        h.raw("<path class=\"er-link\" d=\"" + d + "\" marker-end=\"url(#er-arrow)\"><title>")
                .text(from.table().name().name() + "(" + SchemaSection.names(f.columns()) + ") references " + f.referencedTable().name()
                        + "(" + SchemaSection.names(f.referencedColumns()) + ")")
                .raw("</title></path>\n");
    }
}
