package dev.strata.registry.http;

/** Every failure the API reports: its HTTP status and a stable code, like schema-registry's Errors table. */
public enum ApiError {
    BAD_REQUEST(400, "bad_request", "the request is malformed"),
    UNAUTHORIZED(401, "unauthorized", "this needs a bearer token"),
    FORBIDDEN(403, "forbidden", "this token's role does not allow it"),
    NOT_FOUND(404, "not_found", "no such endpoint (see /v1/openapi.json)"),
    METHOD_NOT_ALLOWED(405, "method_not_allowed", "this method is not allowed here"),
    REQUEST_TIMEOUT(408, "request_timeout", "the request was not sent in time; send it at once"),
    CONFLICT(409, "conflict", "the write contradicts the log"),
    SUBJECT_DAMAGED(409, "subject_damaged", "the subject's log holds an event the registry cannot apply"),
    PAYLOAD_TOO_LARGE(413, "payload_too_large", "the request body is too large; push in smaller parts"),
    URI_TOO_LONG(414, "uri_too_long", "the request's address is too long"),
    HEADERS_TOO_LARGE(431, "headers_too_large", "the request's headers are too large"),
    INTERNAL(500, "internal_error", "the registry failed; its log has the details"),
    UNAVAILABLE(503, "unavailable", "the registry is busy or stopping; retry shortly");

    private final int status;
    private final String code;
    private final String message;

    ApiError(int status, String code, String message) {
        this.status = status;
        this.code = code;
        this.message = message;
    }

    /** The error for a status Jetty reports on its own (a malformed request, headers too large...). */
    static ApiError forStatus(int status) {
        for (ApiError e : values()) {
            if (e.status == status) {
                return e;
            }
        }
        return status >= 500 ? INTERNAL : BAD_REQUEST;
    }

    /** The message used when there is nothing more specific to say. */
    public String message() {
        return message;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public ApiException with(String message) {
        return new ApiException(this, message);
    }
}
