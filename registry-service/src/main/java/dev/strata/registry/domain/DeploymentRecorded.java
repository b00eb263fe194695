package dev.strata.registry.domain;

import java.time.Instant;
import java.util.Objects;

/** A deployment to an environment: from which revision to which, how it ended, by whom, when. */
public record DeploymentRecorded(String environment, int from, int to, Outcome outcome, String by, Instant at)
        implements RegistryEvent {

    /** How a deployment ended. */
    public enum Outcome { SUCCEEDED, FAILED, ROLLED_BACK }

    public DeploymentRecorded {
        if (environment == null || !environment.matches("[a-z0-9][a-z0-9._-]{0,49}")) {
            throw new IllegalArgumentException("invalid environment '" + environment + "': lower-case letters, digits, '.', '_' or '-'");
        }
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException("deployment to " + environment + ": revisions must not be negative");
        }
        Objects.requireNonNull(outcome, "deployment to " + environment + " needs an outcome");
        Objects.requireNonNull(by, "deployment to " + environment + " needs who made it");
        Objects.requireNonNull(at, "deployment to " + environment + " needs when");
    }

    @Override
    public SubjectLog foldInto(SubjectLog log) {
        return log.withDeployment(this);
    }

    @Override
    public String type() {
        return "DeploymentRecorded";
    }

    @Override
    public String payload() {
        return environment + "\n" + from + "\n" + to + "\n" + outcome + "\n" + by + "\n" + at;
    }
}
