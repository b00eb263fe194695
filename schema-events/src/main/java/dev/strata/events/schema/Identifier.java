package dev.strata.events.schema;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A validated SQL identifier (table, column, index, view, trigger or constraint name).
 *
 * <p>Names compare as SQLite compares them: ASCII case-insensitively. The declared spelling is kept
 * for rendering. {@link #quoted()} is the only way a name enters generated SQL.
 *
 * <pre>Identifier.of("alerts").quoted()  // "alerts"</pre>
 */
public record Identifier(String name) implements Comparable<Identifier> {

    private static final Pattern VALID = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,127}");

    public Identifier {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("identifier must not be empty");
        }
        if (!VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid identifier '" + name
                    + "': use letters, digits, '_' or '$', start with a letter or '_', at most 128 characters");
        }
        if (name.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
            throw new IllegalArgumentException("invalid identifier '" + name + "': names starting with sqlite_ are reserved by SQLite");
        }
    }

    public static Identifier of(String name) {
        return new Identifier(name);
    }

    /** Whether {@code name} would be accepted by {@link #of(String)}. */
    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches() && !name.toLowerCase(Locale.ROOT).startsWith("sqlite_");
    }

    /** The name as a double-quoted SQL identifier. */
    public String quoted() {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** The key SQLite compares names by. */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        // names are ASCII (see VALID), so this is exactly SQLite's comparison, without allocating
        return o instanceof Identifier other && name.equalsIgnoreCase(other.name);
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < name.length(); i++) {
            h = 31 * h + Character.toLowerCase(name.charAt(i));
        }
        return h;
    }

    @Override
    public int compareTo(Identifier other) {
        return key().compareTo(other.key());
    }

    @Override
    public String toString() {
        return name;
    }
}
