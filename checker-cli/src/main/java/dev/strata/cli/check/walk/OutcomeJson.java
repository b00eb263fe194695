package dev.strata.cli.check.walk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.cli.check.FindingsJson;
import dev.strata.events.json.SchemaDelta;
import dev.strata.events.schema.Schema;

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
        FindingsJson.write(root.putArray("reversibility"), o.reversibility());
        FindingsJson.write(root.putArray("data"), o.data());
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

    /** A cached outcome: the schema after it is left as the delta it was kept as (null when the walk stopped there). */
    record Cached(RoundTrip.Outcome outcome, String delta) {
    }

    /**
     * The outcome the JSON holds, its schema after it left as a delta.
     *
     * @throws IllegalArgumentException when it is not JSON {@link #write} wrote (a damaged cache)
     */
    static Cached read(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            String after = root.hasNonNull("after") ? root.get("after").asText() : null;
            String stop = root.hasNonNull("stop") ? root.get("stop").asText() : null;
            if ((after == null) == (stop == null)) {
                throw new IllegalArgumentException("an outcome has the schema after it or stops the walk, and not both");
            }
            return new Cached(new RoundTrip.Outcome(FindingsJson.read(root.get("reversibility")), FindingsJson.read(root.get("data")),
                    null, null, stop), after);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("a cached outcome that cannot be read: " + e.getMessage(), e);
        }
    }
}
