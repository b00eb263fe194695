package dev.strata.cli.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.cli.OperationFailedException;
import dev.strata.cli.project.InvalidInputException;
import dev.strata.events.checkpoint.Checkpoint;
import dev.strata.events.checkpoint.SigningKey;
import dev.strata.events.json.CheckpointJson;
import dev.strata.events.json.RevisionFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a project trusts of its registry, kept under {@code .strata/} at the project root: the registry's public key,
 * pinned on first use ({@code registry-key.json}), and the last checkpoint seen per subject
 * ({@code checkpoints/<subject>.json}). Files are written atomically.
 *
 * <pre>PublicKey key = trust.pinnedKey(); trust.keep(trust.verified(checkpoint, key, "the push reply"));</pre>
 */
public final class RegistryTrust {

    public static final String FOLDER = ".strata";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;
    private final RegistryClient client;
    private final Function<Path, String> show;
    private boolean pinnedNow;

    /** @param show how messages name a file of the project */
    public RegistryTrust(Path root, Function<Path, String> show, RegistryClient client) {
        this.root = root;
        this.show = show;
        this.client = client;
    }

    public Path pinFile() {
        return root.resolve(FOLDER).resolve("registry-key.json");
    }

    public Path checkpointFile(String subject) {
        return root.resolve(FOLDER).resolve("checkpoints").resolve(subject + ".json");
    }

    /** How messages name a file of the project. */
    public String show(Path file) {
        return show.apply(file);
    }

    /**
     * The pinned key, after checking that the registry still signs with it; on first use, the registry's key, pinned.
     *
     * @throws UntrustedRegistryException when the registry serves another key than the pinned one
     */
    public PublicKey pinnedKey() {
        JsonNode served = json(client.signingKey(), "reading the registry's signing key");
        PublicKey current;
        try {
            current = SigningKey.publicKey(served.path("publicKey").asText(), client.url() + "v1/signing-key");
        } catch (IllegalArgumentException e) {
            throw new OperationFailedException(e.getMessage() + "; is --registry a Strata registry with checkpoints?", e);
        }
        Path pin = pinFile();
        if (!Files.exists(pin)) {
            ObjectNode out = JSON.createObjectNode().put("registry", client.url()).put("algorithm", "Ed25519")
                    .put("keyId", SigningKey.keyId(current)).put("publicKey", served.path("publicKey").asText());
            write(pin, out.toPrettyString() + "\n");
            pinnedNow = true;
            return current;
        }
        PublicKey pinned = readPin(pin);
        if (!SigningKey.keyId(pinned).equals(SigningKey.keyId(current))) {
            throw new UntrustedRegistryException("the registry at " + client.url() + " signs with key " + SigningKey.keyId(current)
                    + " but this project pinned " + SigningKey.keyId(pinned) + " in " + show(pin) + " on first use. A registry that"
                    + " changed keys is suspicious: it may be another registry, or one rebuilt without its history. Ask its operator;"
                    + " only if they confirm they rotated the key, delete " + show(pin) + " and run strata audit again to pin the"
                    + " new one. Nothing was written to " + FOLDER + "/.");
        }
        return pinned;
    }

    /** Whether the last {@link #pinnedKey()} pinned the registry's key (first use). */
    public boolean pinnedNow() {
        return pinnedNow;
    }

    private PublicKey readPin(Path pin) {
        try {
            JsonNode node = JSON.readTree(Files.readString(pin));
            PublicKey key = SigningKey.publicKey(node.path("publicKey").asText(), show(pin));
            if (!SigningKey.keyId(key).equals(node.path("keyId").asText())) {
                throw new InvalidInputException(show(pin) + ": keyId " + node.path("keyId").asText() + " is not the fingerprint of its"
                        + " publicKey (" + SigningKey.keyId(key) + "); restore the file from git");
            }
            return key;
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException(show(pin) + ": not a pinned registry key (" + e.getMessage() + "); restore it from git");
        }
    }

    /**
     * The checkpoint, if {@code key} signed it.
     *
     * @throws UntrustedRegistryException naming {@code source} when the signature does not verify
     */
    public static Checkpoint verified(Checkpoint c, PublicKey key, String source) {
        if (!c.keyId().equals(SigningKey.keyId(key))) {
            throw new UntrustedRegistryException("checkpoint " + source + " (" + c.describe() + ") is signed by key " + c.keyId()
                    + ", not by the pinned key " + SigningKey.keyId(key) + ": it comes from another registry or key; ask the registry's"
                    + " operator before trusting it");
        }
        if (!c.signedBy(key)) {
            throw new UntrustedRegistryException("checkpoint " + source + " (" + c.describe() + ") has a signature that does not"
                    + " verify with the pinned key " + c.keyId() + ": it was altered or forged; take the checkpoint again from the"
                    + " deploy plan or CI artifact it came from");
        }
        return c;
    }

    /** Keeps {@code c} as the subject's last seen checkpoint; returns the file. */
    public Path keep(Checkpoint c) {
        Path file = checkpointFile(c.subject());
        write(file, CheckpointJson.write(c));
        return file;
    }

    /** The subject's kept checkpoint file, if there is one. */
    public Optional<Path> kept(String subject) {
        Path file = checkpointFile(subject);
        return Files.exists(file) ? Optional.of(file) : Optional.empty();
    }

    private void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            RevisionFiles.writeAtomically(file, text);
        } catch (IOException e) {
            throw new OperationFailedException("writing " + show(file) + ": " + e.getMessage() + "; nothing else was changed", e);
        }
    }

    /** The JSON body of a successful reply. */
    static JsonNode json(RegistryClient.Reply reply, String what) {
        if (reply.status() != 200) {
            throw new OperationFailedException(what + ": the registry answered " + reply.status() + " "
                    + reply.body().strip().replaceAll("\\s+", " "));
        }
        try {
            return JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new OperationFailedException(what + ": the registry's answer is not JSON (" + e.getMessage() + ")", e);
        }
    }
}
