package dev.strata.events.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.events.Revision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static dev.strata.events.json.SchemaValues.F;

/**
 * Revision hashes: SHA-256 over the canonical JSON form of a revision without its {@code hash}
 * field — object keys sorted by UTF-16 code units, no insignificant white space, absent optional
 * fields left out, UTF-8. The same revision hashes the same on every machine.
 */
public final class RevisionHasher {

    private RevisionHasher() {
    }

    /** The canonical bytes behind the hash. */
    public static byte[] canonical(Revision r) {
        try {
            return RevisionCodec.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(sorted(RevisionCodec.tree(r, false))).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("canonical form of revision " + r.label() + ": " + e.getMessage(), e);
        }
    }

    public static String hash(Revision r) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical(r)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** Each revision's hash, in order. */
    public static List<String> hashes(List<Revision> revisions) {
        return revisions.stream().map(RevisionHasher::hash).toList();
    }

    /** The revision with its hash set. */
    public static Revision seal(Revision r) {
        return r.withHash(hash(r));
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode out = F.objectNode();
            names.forEach(n -> out.set(n, sorted(node.get(n))));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = F.arrayNode();
            node.forEach(e -> out.add(sorted(e)));
            return out;
        }
        return node;
    }
}
