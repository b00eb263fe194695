package dev.strata.cli.check.walk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.cli.check.Finding;
import dev.strata.events.json.SchemaDelta;
import dev.strata.events.schema.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * A version's outcome as the walk cache keeps it: its findings, the schema after it as a delta from the
 * schema before it, and why the walk stopped there, if it did.
 */
final class OutcomeJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OutcomeJson() {
    }

    /** The outcome as JSON; null when the schema after it cannot be kept exactly (it is then walked each time). */
    static String write(RoundTrip.Outcome o, Schema before) {
        ObjectNode root = MAPPER.createObjectNode();
        findings(root.putArray("reversibility"), o.reversibility());
        findings(root.putArray("data"), o.data());
        if (o.after() != null) {
            String delta = SchemaDelta.between(before, o.after());
            if (delta == null) {
                return null;
            }
            root.put("after", delta);
        }
        if (o.stop() != null) {
            root.put("stop", o.stop());
        }
        return root.toString();
    }

    /**
     * The outcome the JSON holds, on the schema before it.
     *
     * @throws IllegalArgumentException when it is not JSON {@link #write} wrote (a damaged cache)
     */
    static RoundTrip.Outcome read(String json, Schema before) {
        try {
            JsonNode root = MAPPER.readTree(json);
            Schema after = root.hasNonNull("after") ? SchemaDelta.apply(before, root.get("after").asText()) : null;
            String stop = root.hasNonNull("stop") ? root.get("stop").asText() : null;
            if ((after == null) == (stop == null)) {
                throw new IllegalArgumentException("an outcome has the schema after it or stops the walk, and not both");
            }
            return new RoundTrip.Outcome(findings(root.get("reversibility")), findings(root.get("data")), after, null, stop);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("a cached outcome that cannot be read: " + e.getMessage(), e);
        }
    }

    private static void findings(ArrayNode out, List<Finding> findings) {
        for (Finding f : findings) {
            f.writeTo(out.addObject());
        }
    }

    private static List<Finding> findings(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("findings are not a list");
        }
        List<Finding> out = new ArrayList<>();
        for (JsonNode f : array) {
            out.add(new Finding(f.get("check").asText(), Finding.Severity.valueOf(f.get("severity").asText().toUpperCase(java.util.Locale.ROOT)),
                    f.hasNonNull("revision") ? f.get("revision").asInt() : null, text(f, "file"),
                    f.hasNonNull("line") ? f.get("line").asInt() : null, f.get("message").asText(), text(f, "hint")));
        }
        return out;
    }

    private static String text(JsonNode o, String field) {
        return o.hasNonNull(field) ? o.get(field).asText() : null;
    }
}
