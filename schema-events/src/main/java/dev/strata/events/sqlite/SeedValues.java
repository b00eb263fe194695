package dev.strata.events.sqlite;

import dev.strata.events.schema.Affinity;
import dev.strata.events.schema.Check;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.SqlText;
import dev.strata.events.schema.Table;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Values an application would store in a column, from its declared type, its name and what the schema
 * does with it: ISO-8601 text in DATE, DATETIME and TIMESTAMP columns, epoch seconds in integer columns
 * named like times, 0/1 in BOOLEAN ones, UUIDs in uuid-like ones, JSON where a JSON function reads the
 * column, addresses in email and URL columns, numbers inside the ranges CHECK constraints give.
 */
final class SeedValues {

    private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 9, 30, 0);
    private final Set<String> jsonColumns;
    private final Set<String> jsonNames;

    private SeedValues(Set<String> jsonColumns, Set<String> jsonNames) {
        this.jsonColumns = jsonColumns;
        this.jsonNames = jsonNames;
    }

    /**
     * What {@code schema} (and {@code more}, when given: the schema a revision leads to) does with columns;
     * {@code jsonNames} are column names the migrations read as JSON, in any table.
     */
    static SeedValues of(Schema schema, Schema more, Set<String> jsonNames, Set<Identifier> only) {
        Set<String> json = new HashSet<>();
        for (Schema s : more == null ? List.of(schema) : List.of(schema, more)) {
            for (Identifier name : only) {
                Table t = s.tables().get(name);
                if (t == null) {
                    continue;
                }
                for (Check c : t.checks()) {
                    jsonUse(t.name(), c.expression(), json);
                }
                s.indexesOn(name).forEach(i -> jsonUse(i.table(), i.toString(), json));
                s.triggersOn(name).forEach(tr -> jsonUse(tr.table(), tr.sql(), json));
            }
        }
        return new SeedValues(json, Set.copyOf(jsonNames));
    }

    /** Marks {@code table.column} wherever a JSON function or operator takes a column of the table. */
    private static void jsonUse(Identifier table, String sql, Set<String> out) {
        SqlText.jsonArguments(sql).forEach(column -> out.add(table.key() + "." + column));
    }

    /**
     * The {@code n}-th value for the column; {@code attempt} 1 to 3 give other values when a constraint
     * refused the first.
     */
    Object value(Table table, Column col, long n, int attempt) {
        String name = col.name().key();
        String type = col.type().toUpperCase(Locale.ROOT);
        Affinity affinity = Affinity.of(col.type());
        if (attempt == 3) {
            return col.notNull() ? Long.valueOf(1) : null;
        }
        Object ranged = inRange(table, col, n);
        if (ranged != null) {
            return ranged;
        }
        if (jsonColumns.contains(table.name().key() + "." + name) || jsonNames.contains(name) || type.contains("JSON")) {
            return "{\"id\":" + n + ",\"kind\":\"k" + n + "\",\"name\":\"s" + n + "\"}";
        }
        if (type.contains("BOOL")) {
            return (n + attempt) % 2;
        }
        if (type.contains("UUID") || type.contains("GUID") || name.equals("uuid") || name.equals("guid")
                || name.endsWith("_uuid") || name.endsWith("_guid")) {
            return new UUID(0x5eed5eed5eed4000L, 0x8000000000000000L | n).toString();
        }
        LocalDateTime at = EPOCH.plusDays(n).plusMinutes(7 * n + attempt);
        if (affinity == Affinity.INTEGER && looksLikeTime(name)) {
            return at.toEpochSecond(ZoneOffset.UTC);
        }
        if (type.contains("DATETIME") || type.contains("TIMESTAMP")) {
            return at.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        }
        if (type.contains("DATE")) {
            return at.toLocalDate().toString();
        }
        if (type.contains("TIME")) {
            return at.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss"));
        }
        if (affinity == Affinity.TEXT || (affinity == Affinity.BLOB && col.type().isBlank())) {
            if (name.contains("email")) {
                return "user" + n + (attempt == 1 ? "b" : "") + "@example.com";
            }
            if (name.endsWith("url") || name.endsWith("uri") || name.contains("link")) {
                return "https://example.com/" + n + (attempt == 1 ? "b" : "");
            }
        }
        return switch (affinity) {
            case INTEGER -> attempt == 2 ? -n : n;
            case REAL -> n + 0.5;
            case NUMERIC -> attempt == 2 ? n + 0.25 : n;
            case TEXT -> attempt == 1 ? "S" + n : "s" + n;
            case BLOB -> col.type().isBlank() ? (Object) ("v" + n) : new byte[] {(byte) n, (byte) (n >> 8), 1};
        };
    }

    private static boolean looksLikeTime(String name) {
        return name.endsWith("_at") || name.endsWith("_time") || name.endsWith("_ts") || name.endsWith("_on")
                || name.contains("epoch") || name.contains("timestamp") || name.equals("created") || name.equals("updated");
    }

    /** A whole number within the bounds CHECKs put on the column ({@code col >= 1 AND col <= 5}, {@code BETWEEN}), or null. */
    private static Object inRange(Table table, Column col, long n) {
        Long low = null;
        Long high = null;
        for (Check c : table.checks()) {
            List<SqlText.Token> t = SqlText.tokens(c.expression());
            for (int i = 0; i + 2 < t.size(); i++) {
                if (!col.name().key().equals(t.get(i).identifierKey())) {
                    continue;
                }
                String op = t.get(i + 1).text().toUpperCase(Locale.ROOT);
                Long value = number(t, i + 2);
                if (op.equals("BETWEEN") && value != null && i + 4 < t.size() && t.get(i + 3).text().equalsIgnoreCase("AND")) {
                    Long upper = number(t, i + 4);
                    if (upper != null) {
                        low = value;
                        high = upper;
                    }
                } else if (value != null) {
                    switch (op) {
                        case ">=" -> low = value;
                        case ">" -> low = value + 1;
                        case "<=" -> high = value;
                        case "<" -> high = value - 1;
                        default -> { }
                    }
                }
            }
        }
        if (low == null && high == null) {
            return null;
        }
        if (low != null && high != null) {
            return high < low ? null : low + Math.floorMod(n, high - low + 1);
        }
        return low != null ? low + n : high - n;
    }

    private static Long number(List<SqlText.Token> t, int i) {
        boolean negative = t.get(i).text().equals("-") && i + 1 < t.size();
        SqlText.Token token = negative ? t.get(i + 1) : t.get(i);
        if (token.kind() != SqlText.Token.Kind.NUMBER || token.text().contains(".")) {
            return null;
        }
        try {
            long v = Long.parseLong(token.text());
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
