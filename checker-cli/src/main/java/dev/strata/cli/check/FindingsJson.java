package dev.strata.cli.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.ArrayList;
import java.util.List;

/** Lists of findings as JSON, in the fields the JSON report shows: what the check cache keeps. */
public final class FindingsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FindingsJson() {
    }

    public static void write(ArrayNode out, List<Finding> findings) {
        for (Finding f : findings) {
            f.writeTo(out.addObject());
        }
    }

    /** @throws IllegalArgumentException when {@code array} is not a list {@link #write} wrote */
    public static List<Finding> read(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("findings are not a list");
        }
        List<Finding> out = new ArrayList<>();
        for (JsonNode f : array) {
            out.add(Finding.readFrom(f));
        }
        return out;
    }

    public static String text(List<Finding> findings) {
        ArrayNode out = MAPPER.createArrayNode();
        write(out, findings);
        return out.toString();
    }

    /** @throws IllegalArgumentException when {@code json} is not a list {@link #text} wrote */
    public static List<Finding> parse(String json) {
        try {
            return read(MAPPER.readTree(json));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("findings that cannot be read: " + e.getMessage(), e);
        }
    }
}
