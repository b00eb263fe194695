package dev.strata.registry.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/** A version tag released at a revision, from a commit, by someone, at a time. */
public record TagReleased(String tag, int revision, String commit, String by, Instant at) implements RegistryEvent {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._/-]{1,100}");

    public TagReleased {
        if (tag == null || !NAME.matcher(tag).matches()) {
            throw new IllegalArgumentException("invalid tag '" + tag + "': letters, digits, '.', '_', '/' or '-', at most 100");
        }
        if (revision < 0) {
            throw new IllegalArgumentException("tag " + tag + ": revision must not be negative");
        }
        Objects.requireNonNull(commit, "tag " + tag + " needs its commit");
        Objects.requireNonNull(by, "tag " + tag + " needs who released it");
        Objects.requireNonNull(at, "tag " + tag + " needs when");
    }

    @Override
    public SubjectLog foldInto(SubjectLog log) {
        return log.withTag(this);
    }

    @Override
    public void addTo(SubjectLog.Builder log) {
        log.tag(this);
    }

    @Override
    public String type() {
        return "TagReleased";
    }

    @Override
    public String payload() {
        return tag + "\n" + revision + "\n" + commit + "\n" + by + "\n" + at;
    }
}
