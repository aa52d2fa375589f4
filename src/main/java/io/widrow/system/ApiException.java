package io.widrow.system;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * An error the client caused and should see. Features throw this (or a subclass) and the system
 * feature renders it as problem+json, so no feature builds error responses itself.
 */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String title;
    private final List<FieldProblem> errors;

    public ApiException(HttpStatus status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ApiException(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** Response headers the client needs to act on the problem (e.g. Retry-After); none by default. */
    public Map<String, String> headers() {
        return Map.of();
    }

    /** One invalid input field; rendered as an element of the {@code errors} list. */
    public record FieldProblem(String field, String message) {
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Bad Request", detail);
    }

    public static ApiException badRequest(String detail, List<FieldProblem> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Bad Request", detail, errors);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not Found", detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "Conflict", detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    public static ApiException tooLarge(String detail) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Content Too Large", detail);
    }
}
