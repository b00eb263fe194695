package dev.strata.registry.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.events.Subject;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One request as the handlers see it: path parameters, query, body, and helpers that fail with API errors. */
record Exchange(String method, List<String> pathParams, Map<String, String> query, byte[] body, Optional<String> authorization) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A request's query parameters, decoded. */
    record Query(Map<String, String> values) {
        static Query parse(String raw) {
            return new Query(parseQuery(raw));
        }
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    Subject subject() {
        try {
            return new Subject(pathParams.get(0));
        } catch (IllegalArgumentException e) {
            throw ApiError.BAD_REQUEST.with(e.getMessage());
        }
    }

    JsonNode json() {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ApiError.BAD_REQUEST.with("the request body is empty; send a JSON document");
            }
            return node;
        } catch (java.io.IOException e) {
            throw ApiError.BAD_REQUEST.with("malformed JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    String param(String name) {
        String v = query.get(name);
        if (v == null || v.isBlank()) {
            throw ApiError.BAD_REQUEST.with("missing query parameter '" + name + "'");
        }
        return v;
    }
}
