package dev.strata.cli.registry;

/**
 * The registry cannot be trusted as it is: it signs with another key than the one pinned, or a checkpoint's signature
 * does not verify. A finding, not bad input: exit 1.
 */
public final class UntrustedRegistryException extends RuntimeException {

    public UntrustedRegistryException(String message) {
        super(message);
    }
}
