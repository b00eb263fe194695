package dev.strata.events;

import java.util.regex.Pattern;

/** One logical database whose schema history is tracked, e.g. {@code stock-analyzer}. */
public record Subject(String name) {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    public Subject {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid subject '" + name
                    + "': use lower-case letters, digits, '.', '_' or '-', starting with a letter or digit, at most 100 characters");
        }
    }

    /** Whether {@code name} would be accepted. */
    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    @Override
    public String toString() {
        return name;
    }
}
