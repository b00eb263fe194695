package dev.strata.registry.web;

import java.time.Instant;
import java.util.Objects;

/**
 * The latest signed checkpoint of a subject, as the audit page shows it: the version and head hash it signs,
 * when, and whether its signature and the log agree with it. Provided by the checkpoint feature through
 * {@link WebUi}'s checkpoint source; the UI does not compute it.
 *
 * @param verified whether the signature is valid and the log still holds that hash at that version
 * @param detail one line on what was checked or what failed
 */
public record Checkpoint(long version, String hash, Instant signedAt, boolean verified, String detail) {

    public Checkpoint {
        Objects.requireNonNull(hash, "a checkpoint needs the hash it signs");
        Objects.requireNonNull(signedAt, "a checkpoint needs when it was signed");
        Objects.requireNonNull(detail, "a checkpoint needs a detail line");
    }
}
