package io.widrow.system.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.widrow.system.ApiException;
import io.widrow.system.JsonErrors;
import io.widrow.system.WidrowProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error into {@code application/problem+json}. Spring's base class already covers 404/405/415/413
 * and friends; the overrides add the field-level detail clients need, and the catch-all makes sure no stack
 * trace or SQL text ever reaches the client.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final WidrowProperties properties;

    ProblemHandler(WidrowProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException ex) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
        pd.setTitle(ex.title());
        if (!ex.errors().isEmpty()) {
            pd.setProperty("errors", ex.errors());
        }
        return ResponseEntity.status(ex.status()).headers(h -> ex.headers().forEach(h::add)).body(pd);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex) {
        // The message carries SQL and constraint names: log it, never return it.
        log.warn("Data integrity violation: {}", ex.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "The request conflicts with the current state of the resource.");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrent(OptimisticLockingFailureException ex) {
        return problem(HttpStatus.CONFLICT, "The resource was changed concurrently; retry the request.");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException ex) {
        return problem(HttpStatus.FORBIDDEN, "This operation is not allowed for your API key.");
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException ex) {
        return problem(HttpStatus.UNAUTHORIZED, "A valid X-API-Key header is required.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        if (clientWentAway(ex)) {
            // Nobody is left to answer, and a stack trace per dropped connection lets clients flood the log.
            log.debug("Client disconnected before the response was written: {}", ex.toString());
            return null;
        }
        log.error("Unhandled error", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred. It has been logged.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<ApiException.FieldProblem> errors = new ArrayList<>();
        for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
            errors.add(new ApiException.FieldProblem(fe.getField(), fe.getDefaultMessage()));
        }
        for (ObjectError oe : ex.getBindingResult().getGlobalErrors()) {
            errors.add(new ApiException.FieldProblem(oe.getObjectName(), oe.getDefaultMessage()));
        }
        return validation(errors, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<ApiException.FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> {
            String name = r.getMethodParameter().getParameterName();
            for (var err : r.getResolvableErrors()) {
                String field = err instanceof FieldError fe ? fe.getField() : name;
                errors.add(new ApiException.FieldProblem(field, messageOf(err)));
            }
        });
        return validation(errors, headers);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "a different type" : describe(ex.getRequiredType());
        String detail = "Parameter '" + field + "' must be " + expected + ", got '" + ex.getValue() + "'.";
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        pd.setTitle("Bad Request");
        pd.setProperty("errors", List.of(new ApiException.FieldProblem(field, "must be " + expected)));
        return ResponseEntity.badRequest().headers(headers).body(pd);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.");
        pd.setTitle("Bad Request");
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            pd.setDetail("Unknown field '" + u.getPropertyName() + "'.");
        } else if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String field = path(m);
            String expected = m.getTargetType() == null ? "a different type" : describe(m.getTargetType());
            pd.setDetail("Field '" + field + "' must be " + expected + ".");
            pd.setProperty("errors", List.of(new ApiException.FieldProblem(field, "must be " + expected)));
        } else if (cause instanceof InputCoercionException j && !j.getPath().isEmpty()) {
            // a number beyond the range of its field's type; other Jackson messages may name Java classes
            String field = path(j);
            String message = j.getOriginalMessage().replace("`", "");
            pd.setDetail("Field '" + field + "' is invalid: " + message + ".");
            pd.setProperty("errors", List.of(new ApiException.FieldProblem(field, message)));
        } else if (cause instanceof JacksonException j) {
            pd.setDetail((JsonErrors.isReaderLimit(j) ? "The request body exceeds a JSON reader limit"
                    : "The request body is not valid JSON") + JsonErrors.describe(j, null) + ".");
        } else if (cause == null || !(cause instanceof JacksonException)) {
            pd.setDetail("The request body is missing or unreadable.");
        }
        return ResponseEntity.badRequest().headers(headers).body(pd);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The upload exceeds the limit of " + properties.datasets().maxUpload().toMegabytes()
                        + " MB (widrow.datasets.max-upload).");
        pd.setTitle(HttpStatus.CONTENT_TOO_LARGE.getReasonPhrase());
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).headers(headers).body(pd);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is no endpoint " + ex.getHttpMethod() + " /" + ex.getResourcePath() + ".");
        pd.setTitle(HttpStatus.NOT_FOUND.getReasonPhrase());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).headers(headers).body(pd);
    }

    private ResponseEntity<Object> validation(List<ApiException.FieldProblem> errors, HttpHeaders headers) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.");
        pd.setTitle("Bad Request");
        pd.setProperty("errors", errors);
        return ResponseEntity.badRequest().headers(headers).body(pd);
    }

    private static boolean clientWentAway(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof AsyncRequestNotUsableException || t.getClass().getSimpleName().equals("ClientAbortException")) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(status.getReasonPhrase());
        return ResponseEntity.status(status).body(pd);
    }

    private static String messageOf(Object err) {
        return err instanceof DefaultMessageSourceResolvable r ? r.getDefaultMessage() : String.valueOf(err);
    }

    private static String path(JacksonException ex) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static final Map<Class<?>, String> NAMES = Map.ofEntries(
            Map.entry(int.class, "an integer"), Map.entry(Integer.class, "an integer"),
            Map.entry(long.class, "an integer"), Map.entry(Long.class, "an integer"),
            Map.entry(double.class, "a number"), Map.entry(Double.class, "a number"),
            Map.entry(float.class, "a number"), Map.entry(Float.class, "a number"),
            Map.entry(boolean.class, "true or false"), Map.entry(Boolean.class, "true or false"),
            Map.entry(String.class, "a string"), Map.entry(java.util.UUID.class, "a UUID"));

    private static String describe(Class<?> type) {
        String known = NAMES.get(type);
        if (known != null) {
            return known;
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "a " + type.getSimpleName();
    }
}
