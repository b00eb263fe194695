package dev.strata.cli.command;

import dev.strata.cli.OperationFailedException;
import dev.strata.cli.project.InvalidInputException;
import dev.strata.cli.project.ProjectConfig;
import dev.strata.cli.registry.RegistryClient;

/** Turns registry replies into strata's exit codes: refused writes are findings, bad tokens bad input. */
final class RegistryCalls {

    private RegistryCalls() {
    }

    static RegistryClient client(ProjectConfig config) {
        if (config.registry() == null) {
            throw new InvalidInputException("no registry: give --registry URL or set 'registry' in strata.yaml");
        }
        return RegistryClient.fromEnvironment(config.registry());
    }

    /** Returns the reply of a successful call; throws for the others, with the registry's message. */
    static RegistryClient.Reply require(RegistryClient.Reply reply, String what) {
        int s = reply.status();
        if (s >= 200 && s < 300) {
            return reply;
        }
        String message = what + ": the registry answered " + s + " " + reply.body().strip().replaceAll("\\s+", " ");
        if (s == 401 || s == 403) {
            throw new InvalidInputException(message + "; set STRATA_REGISTRY_TOKEN to a token with the write role");
        }
        if (s == 400 || s == 404 || s == 409 || s == 413) {
            throw new RefusedException(message);
        }
        throw new OperationFailedException(message);
    }

    /** The registry refused a write for a reason in the data (a rewrite, a gap): exit 1. */
    static final class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message);
        }
    }
}
