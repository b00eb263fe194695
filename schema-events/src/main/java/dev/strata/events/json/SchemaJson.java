package dev.strata.events.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.strata.events.schema.Schema;

/** A schema as a JSON document (tables, indexes, views, triggers), in the shapes of the revision files. */
public final class SchemaJson {

    private SchemaJson() {
    }

    public static String write(Schema schema) {
        try {
            return RevisionCodec.MAPPER.writeValueAsString(SchemaValues.schema(schema)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a schema as JSON: " + e.getMessage(), e);
        }
    }
}
