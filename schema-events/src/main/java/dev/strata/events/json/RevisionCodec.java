package dev.strata.events.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.events.Revision;
import dev.strata.events.SchemaEvent;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import static dev.strata.events.json.SchemaValues.F;

/**
 * Revision files: strict reading (unknown fields and event types are errors naming the file and the
 * JSON path) and stable, readable writing.
 *
 * <pre>Revision r = RevisionCodec.read(Files.readString(path), "schema/events/0003-add-industry-code.json");</pre>
 */
public final class RevisionCodec {

    /** The version of the revision file format this code reads and writes. */
    public static final int FORMAT = 1;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .defaultPrettyPrinter(prettyPrinter())
            .build();

    /** Two-space indents, {@code "key": value}, one array element per line, '\n' on every platform. */
    private static com.fasterxml.jackson.core.util.DefaultPrettyPrinter prettyPrinter() {
        var indent = new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n");
        return new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
                .withSeparators(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER))
                .withObjectIndenter(indent)
                .withArrayIndenter(indent);
    }

    private static final Set<String> FIELDS = Set.of("format", "number", "slug", "message", "author", "timestamp",
            "parent", "events", "hash");

    private RevisionCodec() {
    }

    public static Revision read(String json, String fileName) {
        Node root = Node.root(parse(json, fileName), fileName);
        root.object(FIELDS, Set.of("format", "number", "slug", "message", "author", "timestamp", "events"));
        if (root.integer("format") != FORMAT) {
            throw root.field("format").error("unsupported format " + root.integer("format") + "; this strata reads format " + FORMAT);
        }
        List<SchemaEvent> events = root.field("events").array().stream().map(EventJson::decode).toList();
        Node ts = root.field("timestamp");
        Instant timestamp;
        try {
            timestamp = Instant.parse(ts.string());
        } catch (DateTimeParseException e) {
            throw ts.error("expected an ISO-8601 UTC time such as 2026-01-12T09:30:00Z, found \"" + ts.string() + "\"");
        }
        return root.build(() -> new Revision(root.integer("number"), root.string("slug"), root.string("message"),
                root.string("author"), timestamp, root.optionalString("parent"), events, root.optionalString("hash")));
    }

    /** A JSON array of events in the revision-file format (for hand-written revisions). */
    public static List<SchemaEvent> readEvents(String json, String fileName) {
        return Node.root(parse(json, fileName), fileName).array().stream().map(EventJson::decode).toList();
    }

    /** The file text: pretty, with fields in a fixed order, ending with a newline. */
    public static String write(Revision r) {
        try {
            return MAPPER.writeValueAsString(tree(r, true)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing revision " + r.label() + ": " + e.getMessage(), e);
        }
    }

    /** Events as a pretty JSON array. */
    public static String writeEvents(List<SchemaEvent> events) {
        ArrayNode a = F.arrayNode();
        events.forEach(e -> a.add(EventJson.encode(e)));
        try {
            return MAPPER.writeValueAsString(a) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing events: " + e.getMessage(), e);
        }
    }

    static ObjectNode tree(Revision r, boolean withHash) {
        ObjectNode o = F.objectNode();
        o.put("format", FORMAT);
        o.put("number", r.number());
        o.put("slug", r.slug());
        o.put("message", r.message());
        o.put("author", r.author());
        o.put("timestamp", r.timestamp().toString());
        if (r.parent() != null) {
            o.put("parent", r.parent());
        }
        ArrayNode events = o.putArray("events");
        r.events().forEach(e -> events.add(EventJson.encode(e)));
        if (withHash && r.hash() != null) {
            o.put("hash", r.hash());
        }
        return o;
    }

    static JsonNode parse(String json, String fileName) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new RevisionFormatException(fileName + ": the file is empty; expected a JSON document");
            }
            return node;
        } catch (JsonParseException e) {
            throw new RevisionFormatException(fileName + ": line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": malformed JSON: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new RevisionFormatException(fileName + ": malformed JSON: " + e.getOriginalMessage(), e);
        }
    }
}
