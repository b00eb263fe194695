package dev.strata.events.schema;

import java.util.regex.Pattern;

/**
 * A validated SQL identifier (table, column, index, view, trigger or constraint name): any non-empty
 * text without NUL, as SQLite accepts when it is quoted.
 *
 * <p>Names compare as SQLite compares them: case-insensitively for ASCII letters only ({@code É} and
 * {@code é} differ). The declared spelling is kept for rendering. {@link #quoted()} is the only way a
 * name enters generated SQL.
 *
 * <pre>Identifier.of("my table").quoted()  // "my table"</pre>
 */
public record Identifier(String name) implements Comparable<Identifier> {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    public Identifier {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("identifier must not be empty");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("invalid identifier '" + name.replace('\0', '?')
                    + "': a name must not contain the NUL character");
        }
        if (isReserved(name)) {
            throw new IllegalArgumentException("invalid identifier '" + name + "': names starting with sqlite_ are reserved by SQLite");
        }
    }

    public static Identifier of(String name) {
        return new Identifier(name);
    }

    /** Whether {@code name} would be accepted by {@link #of(String)}. */
    public static boolean isValid(String name) {
        return name != null && !name.isEmpty() && name.indexOf('\0') < 0 && !isReserved(name);
    }

    /** Whether {@code name} reads the same without quotes: letters, digits, '_' or '$', not starting with a digit. */
    public static boolean isPlain(String name) {
        return name != null && PLAIN.matcher(name).matches();
    }

    private static boolean isReserved(String name) {
        return name.regionMatches(true, 0, "sqlite_", 0, 7);
    }

    /** The name as a double-quoted SQL identifier. */
    public String quoted() {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** The key SQLite compares names by: ASCII letters in lower case, everything else as written. */
    public String key() {
        return foldAscii(name);
    }

    /** {@code text} with ASCII upper-case letters in lower case, as SQLite folds names. */
    public static String foldAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                StringBuilder out = new StringBuilder(text.length()).append(text, 0, i);
                for (int j = i; j < text.length(); j++) {
                    out.append(lower(text.charAt(j)));
                }
                return out.toString();
            }
        }
        return text;
    }

    private static char lower(char ch) {
        return ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Identifier other) || other.name.length() != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (lower(name.charAt(i)) != lower(other.name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < name.length(); i++) {
            h = 31 * h + lower(name.charAt(i));
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
