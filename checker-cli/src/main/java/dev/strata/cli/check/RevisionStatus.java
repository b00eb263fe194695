package dev.strata.cli.check;

import java.util.Locale;
import java.util.Objects;

/**
 * What the check says of one version: its files, and whether it passed, failed, passed with warnings or
 * could not be checked (and why).
 *
 * @param downFile the downgrade's file, or null when there is none
 * @param reason why the version was not checked, or null
 */
public record RevisionStatus(int version, String upFile, String downFile, Status status, String reason) {

    /** The outcome of one version, by its stable name in reports. */
    public enum Status {
        PASSED, FAILED, WARNING, NOT_CHECKED;

        /** {@code passed}, {@code failed}, {@code warning}, {@code not-checked}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public RevisionStatus {
        Objects.requireNonNull(upFile, "a version has an upgrade file");
        Objects.requireNonNull(status, "a version has a status");
        if ((status == Status.NOT_CHECKED) != (reason != null)) {
            throw new IllegalArgumentException("version " + version + ": a reason is given exactly when it was not checked");
        }
    }
}
