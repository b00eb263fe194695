package dev.strata.cli.check;

import java.util.Objects;

/**
 * One thing a check found: which check, how bad, where (revision, file, line) and what to do.
 *
 * @param revision the revision number, or null when the finding is not about one revision
 * @param file the file to look at (relative to the project), or null
 * @param line the 1-based line in {@code file}, or null
 * @param hint what to do about it, or null
 */
public record Finding(String check, Severity severity, Integer revision, String file, Integer line, String message,
                      String hint) {

    /** How bad a finding is. Errors fail the check; warnings fail it only with {@code --strict}. */
    public enum Severity { ERROR, WARNING, INFO }

    public Finding {
        Objects.requireNonNull(check, "finding needs its check's name");
        Objects.requireNonNull(severity, "finding needs a severity");
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("finding needs a message");
        }
    }

    public static Finding error(String check, Integer revision, String file, String message, String hint) {
        return new Finding(check, Severity.ERROR, revision, file, null, message, hint);
    }

    public static Finding warning(String check, Integer revision, String file, String message, String hint) {
        return new Finding(check, Severity.WARNING, revision, file, null, message, hint);
    }

    public Finding atLine(Integer newLine) {
        return new Finding(check, severity, revision, file, newLine, message, hint);
    }

    /** Writes this finding's fields into {@code o}, as the JSON report shows them. */
    public void writeTo(com.fasterxml.jackson.databind.node.ObjectNode o) {
        o.put("check", check);
        o.put("severity", severity.name().toLowerCase(java.util.Locale.ROOT));
        if (revision == null) {
            o.putNull("revision");
        } else {
            o.put("revision", revision);
        }
        o.put("file", file);
        if (line != null) {
            o.put("line", line);
        }
        o.put("message", message);
        o.put("hint", hint);
    }

    /**
     * The finding {@link #writeTo} wrote into {@code o}.
     *
     * @throws IllegalArgumentException when {@code o} is not such a finding
     */
    public static Finding readFrom(com.fasterxml.jackson.databind.JsonNode o) {
        if (o == null || !o.isObject() || !o.hasNonNull("check") || !o.hasNonNull("severity") || !o.hasNonNull("message")) {
            throw new IllegalArgumentException("not a finding: " + o);
        }
        return new Finding(o.get("check").asText(), Severity.valueOf(o.get("severity").asText().toUpperCase(java.util.Locale.ROOT)),
                o.hasNonNull("revision") ? o.get("revision").asInt() : null, text(o, "file"),
                o.hasNonNull("line") ? o.get("line").asInt() : null, o.get("message").asText(), text(o, "hint"));
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode o, String field) {
        return o.hasNonNull(field) ? o.get(field).asText() : null;
    }

    /** Whether this finding fails its check, given {@code --strict}. */
    public boolean fails(boolean strict) {
        return severity == Severity.ERROR || (strict && severity == Severity.WARNING);
    }
}
