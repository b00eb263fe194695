package dev.strata.registry.http;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.nio.charset.StandardCharsets;

/** What a handler answers: status, content type, body (UTF-8; a cached body is sent as it is, never changed). */
record Response(int status, String contentType, byte[] body) {

    static Response json(int status, Object value) {
        try {
            return new Response(status, "application/json", utf8(Exchange.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n"));
        } catch (JsonProcessingException e) {
            throw ApiError.INTERNAL.with("rendering JSON: " + e.getMessage());
        }
    }

    static Response text(String contentType, String body) {
        return new Response(200, contentType, utf8(body));
    }

    /** An answer whose body is encoded already, such as one from {@link AnswerCache}. */
    static Response encoded(String contentType, byte[] body) {
        return new Response(200, contentType, body);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
