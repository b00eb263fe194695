package dev.strata.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An ordered group of events with a number, a slug, a message, its author and time, the hash of its
 * parent revision and its own hash (SHA-256 over its canonical JSON form, computed by
 * {@code dev.strata.events.json.RevisionHasher}). Revision 1 has no parent ({@code parent == null}).
 *
 * @param hash the revision's own hash, or null while it is being built (before it is sealed)
 */
public record Revision(int number, String slug, String message, String author, Instant timestamp, String parent,
                       List<SchemaEvent> events, String hash) {

    // lower-case words in any script: letters without case (Japanese, Chinese), combining marks and decimal digits too
    private static final String WORD = "[\\p{Ll}\\p{Lo}\\p{Lm}\\p{M}\\p{Nd}]+";
    private static final Pattern SLUG = Pattern.compile(WORD + "(-" + WORD + ")*");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    public Revision {
        if (number < 1) {
            throw new IllegalArgumentException("revision number must be 1 or more, not " + number);
        }
        if (slug == null || !SLUG.matcher(slug).matches() || slug.length() > 80) {
            throw new IllegalArgumentException("invalid slug '" + slug
                    + "': use lower-case words of letters (in any script) and digits joined by '-', at most 80 characters");
        }
        Objects.requireNonNull(message, "revision message must not be null");
        Objects.requireNonNull(author, "revision author must not be null");
        Objects.requireNonNull(timestamp, "revision timestamp must not be null");
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("revision " + number + " has no events");
        }
        if (number == 1 && parent != null) {
            throw new IllegalArgumentException("revision 1 has no parent, but names " + parent);
        }
        if (number > 1 && (parent == null || !HASH.matcher(parent).matches())) {
            throw new IllegalArgumentException("revision " + number + " needs the SHA-256 hash of revision " + (number - 1)
                    + " as its parent (64 lower-case hex digits), not " + parent);
        }
        if (hash != null && !HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("revision " + number + ": hash must be 64 lower-case hex digits, not " + hash);
        }
    }

    /**
     * Turns a free-text message into a slug: {@code "Add industry_code"} becomes {@code add-industry-code}, and
     * {@code "銘柄テーブルを追加"} stays {@code 銘柄テーブルを追加} (Flyway reads UTF-8 file names), so no message is lost.
     */
    public static String slugOf(String message) {
        String s = java.text.Normalizer.normalize(message, java.text.Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^\\p{Ll}\\p{Lo}\\p{Lm}\\p{M}\\p{Nd}]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 60) {
            s = s.substring(0, Character.isHighSurrogate(s.charAt(59)) ? 59 : 60).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "revision" : s;
    }

    /** The Flyway description part of this revision's files: {@code add_alerts_index}. */
    public String migrationDescription() {
        return slug.replace('-', '_');
    }

    /** {@code V7__add_alerts_index.sql} */
    public String upgradeFileName() {
        return "V" + number + "__" + migrationDescription() + ".sql";
    }

    /** {@code U7__add_alerts_index.sql} */
    public String downgradeFileName() {
        return "U" + number + "__" + migrationDescription() + ".sql";
    }

    /** {@code 0007-add-alerts-index.json} */
    public String eventFileName() {
        String digits = Integer.toString(number);
        return "0".repeat(Math.max(0, 4 - digits.length())) + digits + "-" + slug + ".json";
    }

    public Revision withHash(String newHash) {
        return new Revision(number, slug, message, author, timestamp, parent, events, newHash);
    }

    /** The same revision under another number and parent, unsealed (for renumbering). */
    public Revision renumbered(int newNumber, String newParent) {
        return new Revision(newNumber, slug, message, author, timestamp, newParent, events, null);
    }

    /** {@code 7 (add-alerts-index)} */
    public String label() {
        return number + " (" + slug + ")";
    }
}
