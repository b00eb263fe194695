package dev.strata.registry.http;

import com.fasterxml.jackson.core.JsonProcessingException;

/** What a handler answers: status, content type, body. */
record Response(int status, String contentType, String body) {

    static Response json(int status, Object value) {
        try {
            return new Response(status, "application/json", Exchange.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n");
        } catch (JsonProcessingException e) {
            throw ApiError.INTERNAL.with("rendering JSON: " + e.getMessage());
        }
    }

    static Response text(String contentType, String body) {
        return new Response(200, contentType, body);
    }
}
