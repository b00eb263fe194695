package dev.strata.events.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.events.checkpoint.Checkpoint;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A {@link Checkpoint} as JSON: {@code {subject, version, hash, events, head, issuedAt, keyId, signature}}, as the
 * registry serves it and the CLI keeps it.
 */
public final class CheckpointJson {

    private CheckpointJson() {
    }

    public static String write(Checkpoint c) {
        try {
            return RevisionCodec.MAPPER.writeValueAsString(c.fields()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing the checkpoint of " + c.subject() + ": " + e.getMessage(), e);
        }
    }

    /** Reads a checkpoint, or the {@code checkpoint} member of a document that holds one (a deploy plan, a push reply). */
    public static Checkpoint read(String json, String source) {
        JsonNode root;
        try {
            root = RevisionCodec.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new RevisionFormatException(source + ": not JSON (" + e.getOriginalMessage() + ")");
        }
        return read(root, source);
    }

    public static Checkpoint read(JsonNode root, String source) {
        JsonNode c = root != null && root.has("checkpoint") ? root.get("checkpoint") : root;
        if (c == null || !c.isObject() || !c.has("signature")) {
            throw new RevisionFormatException(source + ": holds no checkpoint (expected {subject, version, hash, events, head,"
                    + " issuedAt, keyId, signature}, alone or as the 'checkpoint' member)");
        }
        try {
            return new Checkpoint(text(c, "subject", source), (int) number(c, "version", source), text(c, "hash", source),
                    number(c, "events", source), text(c, "head", source), Instant.parse(text(c, "issuedAt", source)),
                    text(c, "keyId", source), text(c, "signature", source));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new RevisionFormatException(source + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode c, String field, String source) {
        JsonNode n = c.get(field);
        if (n == null || !n.isTextual()) {
            throw new RevisionFormatException(source + ": checkpoint field '" + field + "' is missing or not a string");
        }
        return n.asText();
    }

    private static long number(JsonNode c, String field, String source) {
        JsonNode n = c.get(field);
        if (n == null || !n.canConvertToLong() || !n.isIntegralNumber()) {
            throw new RevisionFormatException(source + ": checkpoint field '" + field + "' is missing or not a whole number");
        }
        return n.asLong();
    }
}
