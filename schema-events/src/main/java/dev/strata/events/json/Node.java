package dev.strata.events.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.events.schema.Identifier;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A JSON node with its path and file, for strict decoding: every accessor says where and what was
 * expected when the document does not fit.
 */
final class Node {

    private final JsonNode json;
    private final String path;
    private final String file;

    Node(JsonNode json, String path, String file) {
        this.json = json;
        this.path = path;
        this.file = file;
    }

    static Node root(JsonNode json, String file) {
        return new Node(json, "$", file);
    }

    RevisionFormatException error(String message) {
        return new RevisionFormatException(file + ": " + path + ": " + message);
    }

    Node object(Set<String> allowed, Set<String> required) {
        if (json == null || !json.isObject()) {
            throw error("expected an object, found " + kind(json));
        }
        Iterator<String> names = json.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new RevisionFormatException(file + ": " + path + "." + name + ": unknown field '" + name
                        + "'; expected one of " + new TreeSet<>(allowed));
            }
        }
        for (String r : required) {
            if (!json.has(r) || json.get(r).isNull()) {
                throw new RevisionFormatException(file + ": " + path + "." + r + ": missing required field '" + r + "'");
            }
        }
        return this;
    }

    Node field(String name) {
        return new Node(json.get(name), path + "." + name, file);
    }

    boolean has(String name) {
        return json.has(name) && !json.get(name).isNull();
    }

    boolean isText() {
        return json != null && json.isTextual();
    }

    /** A scalar (string, number or boolean) as text: YAML writes {@code default: 0} as a number. */
    String scalarText(String name) {
        Node f = field(name);
        if (f.json == null || !f.json.isValueNode()) {
            throw f.error("expected a value such as 0, 'text' or CURRENT_TIMESTAMP, found " + kind(f.json));
        }
        return f.json.asText();
    }

    /** The fields of an object, in document order. */
    List<java.util.Map.Entry<String, Node>> entries() {
        if (json == null || !json.isObject()) {
            throw error("expected a mapping of names to definitions, found " + kind(json));
        }
        List<java.util.Map.Entry<String, Node>> out = new ArrayList<>();
        json.fields().forEachRemaining(e -> out.add(java.util.Map.entry(e.getKey(),
                new Node(e.getValue(), path + "." + e.getKey(), file))));
        return out;
    }

    String string() {
        if (json == null || !json.isTextual()) {
            throw error("expected a string, found " + kind(json));
        }
        return json.textValue();
    }

    String string(String name) {
        return field(name).string();
    }

    String optionalString(String name) {
        return has(name) ? string(name) : null;
    }

    boolean bool(String name, boolean fallback) {
        if (!has(name)) {
            return fallback;
        }
        Node f = field(name);
        if (!f.json.isBoolean()) {
            throw f.error("expected true or false, found " + kind(f.json));
        }
        return f.json.booleanValue();
    }

    int integer(String name) {
        Node f = field(name);
        if (f.json == null || !f.json.canConvertToInt() || !f.json.isIntegralNumber()) {
            throw f.error("expected a whole number, found " + kind(f.json));
        }
        return f.json.intValue();
    }

    Identifier identifier(String name) {
        return field(name).identifier();
    }

    Identifier identifier() {
        String s = string();
        try {
            return Identifier.of(s);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    List<Node> array() {
        if (json == null || !json.isArray()) {
            throw error("expected an array, found " + kind(json));
        }
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            out.add(new Node(json.get(i), path + "[" + i + "]", file));
        }
        return out;
    }

    <T> List<T> list(String name, Function<Node, T> each) {
        if (!has(name)) {
            return List.of();
        }
        return field(name).array().stream().map(each).toList();
    }

    List<Identifier> identifiers(String name) {
        return field(name).array().stream().map(Node::identifier).toList();
    }

    /** Runs a value constructor, reporting its validation failure at this node. */
    <T> T build(java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw error(e.getMessage());
        }
    }

    private static String kind(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            return "the string \"" + n.textValue() + "\"";
        }
        return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + n;
    }
}
