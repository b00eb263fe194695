package dev.strata.registry.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A revision as pushed: its number, its hash, its parent's hash and its file exactly as committed
 * ({@code json}, the revision file's canonical form).
 */
public record RevisionRecorded(int number, String hash, String parent, String json) implements RegistryEvent {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    public RevisionRecorded {
        if (number < 1) {
            throw new IllegalArgumentException("revision number must be 1 or more, not " + number);
        }
        if (hash == null || !HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("revision " + number + ": hash must be 64 lower-case hex digits");
        }
        if ((number == 1) != (parent == null)) {
            throw new IllegalArgumentException("revision " + number + (number == 1 ? " has no parent" : " needs its parent's hash"));
        }
        Objects.requireNonNull(json, "revision " + number + " needs its file");
    }

    @Override
    public SubjectLog foldInto(SubjectLog log) {
        return log.withRevision(this);
    }

    @Override
    public void addTo(SubjectLog.Builder log) {
        log.revision(this);
    }

    @Override
    public String type() {
        return "RevisionRecorded";
    }

    @Override
    public String payload() {
        return number + "\n" + hash + "\n" + (parent == null ? "" : parent) + "\n" + json;
    }
}
