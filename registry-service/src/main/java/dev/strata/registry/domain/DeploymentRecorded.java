package dev.strata.registry.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A deployment to an environment: from which revision to which, how it ended, by whom, when, and what
 * {@code strata verify} found on the database right after it.
 *
 * @param verified {@code passed}, or {@code failed: <what failed>} on one line, or null when the deployment was not verified
 */
public record DeploymentRecorded(String environment, int from, int to, Outcome outcome, String by, Instant at, String verified)
        implements RegistryEvent {

    private static final Pattern ENVIRONMENT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,49}");

    /** How a deployment ended. */
    public enum Outcome { SUCCEEDED, FAILED, ROLLED_BACK }

    public DeploymentRecorded {
        if (environment == null || !ENVIRONMENT.matcher(environment).matches()) {
            throw new IllegalArgumentException("invalid environment '" + environment + "': lower-case letters, digits, '.', '_' or '-'");
        }
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException("deployment to " + environment + ": revisions must not be negative");
        }
        Objects.requireNonNull(outcome, "deployment to " + environment + " needs an outcome");
        Objects.requireNonNull(by, "deployment to " + environment + " needs who made it");
        Objects.requireNonNull(at, "deployment to " + environment + " needs when");
        if (verified != null && (verified.isBlank() || verified.contains("\n") || verified.length() > 500)) {
            throw new IllegalArgumentException("deployment to " + environment + ": the verification result must be one line"
                    + " of at most 500 characters, such as 'passed' or 'failed: 2 pending'");
        }
    }

    /** A deployment nobody verified. */
    public DeploymentRecorded(String environment, int from, int to, Outcome outcome, String by, Instant at) {
        this(environment, from, to, outcome, by, at, null);
    }

    @Override
    public SubjectLog foldInto(SubjectLog log) {
        return log.withDeployment(this);
    }

    @Override
    public void addTo(SubjectLog.Builder log) {
        log.deployment(this);
    }

    @Override
    public String type() {
        return "DeploymentRecorded";
    }

    @Override
    public String payload() {
        // an unverified deployment keeps the six lines it always had, so the hashes of logged events still hold
        return environment + "\n" + from + "\n" + to + "\n" + outcome + "\n" + by + "\n" + at + (verified == null ? "" : "\n" + verified);
    }
}
