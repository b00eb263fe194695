package dev.strata.registry.http;

/** A request the API refuses; rendered as {@code {"error": code, "message": ...}} with the error's status. */
public class ApiException extends RuntimeException {

    private final ApiError error;

    public ApiException(ApiError error, String message) {
        super(message);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
