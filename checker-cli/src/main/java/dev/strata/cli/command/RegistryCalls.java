package dev.strata.cli.command;

import dev.strata.cli.OperationFailedException;
import dev.strata.cli.project.InvalidInputException;
import dev.strata.cli.project.ProjectConfig;
import dev.strata.cli.registry.RegistryClient;
import dev.strata.cli.registry.RegistryTrust;
import dev.strata.events.checkpoint.Checkpoint;
import dev.strata.events.json.CheckpointJson;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;

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

    /**
     * Keeps the checkpoint a write's reply carries, after verifying it with the pinned key (pinning the registry's on
     * first use); says so on {@code out}. Empty when the registry sent none (one older than checkpoints).
     *
     * @throws dev.strata.cli.registry.UntrustedRegistryException when the registry changed keys or the signature fails
     */
    static Optional<Checkpoint> keepCheckpoint(ProjectConfig config, RegistryClient client, RegistryClient.Reply reply, PrintWriter out) {
        if (!reply.body().contains("\"checkpoint\"")) {
            out.println("the registry sent no checkpoint (it predates them): strata audit cannot prove this write is kept");
            return Optional.empty();
        }
        RegistryTrust trust = new RegistryTrust(config.root(), config::show, client);
        PublicKey key = trust.pinnedKey();
        if (trust.pinnedNow()) {
            out.println("pinned the registry's signing key in " + trust.show(trust.pinFile()) + " (first use; commit it)");
        }
        Checkpoint c = RegistryTrust.verified(CheckpointJson.read(reply.body(), "the registry's reply"), key, "in the registry's reply");
        Path file = trust.keep(c);
        out.println("kept the registry's checkpoint (" + c.describe() + ") in " + trust.show(file));
        return Optional.of(c);
    }

    /** The registry refused a write for a reason in the data (a rewrite, a gap): exit 1. */
    static final class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message);
        }
    }
}
