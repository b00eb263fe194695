package dev.strata.registry.web;

import dev.strata.events.Subject;
import dev.strata.registry.domain.StoredEvent;
import dev.strata.registry.service.Registry;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The audit page's checkpoint: the one the registry signs for a subject's head now, checked as a client would check
 * it: the signature against the registry's public key, and the store's event at that version against the signed hash.
 */
public final class SignedCheckpoints {

    private SignedCheckpoints() {
    }

    public static Function<Subject, Optional<Checkpoint>> of(Registry registry) {
        return subject -> {
            if (registry.view(subject).log().version() == 0) {
                return Optional.empty();
            }
            dev.strata.events.checkpoint.Checkpoint c = registry.checkpoint(subject);
            boolean signed = c.signedBy(registry.signingKey().publicKey());
            List<StoredEvent> at = registry.log(subject, c.events());
            boolean held = !at.isEmpty() && at.get(0).hash().equals(c.head());
            String detail = (signed ? "signed by key " : "the signature does not verify with key ") + c.keyId() + "; "
                    + (held ? "the store holds event " + c.events() + " with this hash" : "the store does not hold event " + c.events()
                    + " with this hash") + " (revision " + c.version() + ")";
            return Optional.of(new Checkpoint(c.events(), c.head(), c.issuedAt(), signed && held, detail));
        };
    }
}
