package org.spascheduler.web;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Every error as RFC 9457 problem+json: {@code field} names the first offending field, {@code errors} lists every
 * offending field with its reason; 400 for malformed or invalid input, 404 for unknown ids, 409 for a stale version or
 * a clash with the current state, 422 for input that is well-formed but impossible; and a plain 500 (logged, without
 * stack trace in the body) for anything unexpected.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOGGER = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidRequest(InvalidRequestException exception) {
        return withProblems(HttpStatus.BAD_REQUEST, "Invalid request", exception.problems());
    }

    @ExceptionHandler(UnprocessableException.class)
    ProblemDetail unprocessable(UnprocessableException exception) {
        return withProblems(HttpStatus.UNPROCESSABLE_CONTENT, "Impossible request", exception.problems());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException exception) {
        return withProblem(HttpStatus.NOT_FOUND, "Not found", exception.field(), exception.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException exception) {
        var problem = withProblem(HttpStatus.CONFLICT, "Conflict", exception.field(), exception.getMessage());
        var response = ResponseEntity.status(HttpStatus.CONFLICT);
        if (exception.location() != null) {
            problem.setProperty("location", exception.location());
            response.header(HttpHeaders.LOCATION, exception.location());
        }
        var retryAfter = exception.retryAfter();
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        exception.properties().forEach(problem::setProperty);
        return response.body(problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail staleVersion(OptimisticLockingFailureException exception) {
        return withProblem(HttpStatus.CONFLICT, "Stale version", "version",
                "Someone changed this since you read it: read it again and reapply your change.");
    }

    /** A row another request holds for longer than the database waits: nothing was written, trying again works. */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ProblemDetail busy(PessimisticLockingFailureException exception) {
        return busyNow(exception);
    }

    /**
     * Any other clash of two transactions the database resolved by failing one (a concurrent update, a deadlock
     * loser): like a lock waited on too long, nothing was written and trying again works. A stale version keeps its
     * own answer (the more specific handler above).
     */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ProblemDetail concurrentWrite(ConcurrencyFailureException exception) {
        return busyNow(exception);
    }

    private static ProblemDetail busyNow(ConcurrencyFailureException exception) {
        LOGGER.info("A write waited too long for a lock: {}", exception.getMostSpecificCause().getMessage());
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Someone else is changing the same records right now; nothing was changed. Try again.");
        problem.setTitle("Busy");
        problem.setProperty("field", "request");
        problem.setProperty("errors", List.of(new FieldProblem("request", "waited too long for another change")));
        return problem;
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException exception) {
        return withProblem(HttpStatus.CONFLICT, "Already exists", "id", "Something with this id already exists.");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail stillReferenced(DataIntegrityViolationException exception) {
        var cause = exception.getMostSpecificCause();
        LOGGER.info("A write broke a database constraint: {}", cause.getMessage());
        var missing = missingReference(cause);
        if (missing != null) {
            return withProblem(HttpStatus.CONFLICT, "Conflict with stored data", missing,
                    "This names a record that does not exist (any more): it may have been deleted while this was "
                            + "being written. Nothing was changed.");
        }
        return withProblem(HttpStatus.CONFLICT, "Conflict with stored data", "id",
                "This would leave stored data inconsistent (for example, deleting something other records still "
                        + "refer to); nothing was changed.");
    }

    /** H2: FOREIGN KEY(ROOM_ID); PostgreSQL: Key (room_id)=(...) is not present. */
    private static final Pattern FOREIGN_KEY_COLUMN = Pattern.compile(
            "FOREIGN KEY\\((\\w{1,64})\\)|Key \\((\\w{1,64})\\)=\\(.{0,200}\\) is not present");

    /**
     * The request field of a reference to a row that is not there (a write naming a room deleted meanwhile), as the
     * API spells it ({@code room_id} is {@code roomId}); null when the constraint broken is another kind.
     */
    static @Nullable String missingReference(Throwable cause) {
        if (!(cause instanceof SQLException sql) || sql.getMessage() == null) {
            return null;
        }
        // H2 tells a missing parent (23506) from a parent still referred to (23503); PostgreSQL says it in words.
        var parentMissing = "23506".equals(sql.getSQLState())
                || "23503".equals(sql.getSQLState()) && sql.getMessage().contains("is not present");
        var matcher = FOREIGN_KEY_COLUMN.matcher(sql.getMessage());
        if (!parentMissing || !matcher.find()) {
            return null;
        }
        var column = (matcher.group(1) != null ? matcher.group(1) : matcher.group(2)).toLowerCase(Locale.ROOT);
        var field = new StringBuilder();
        for (var word : column.split("_")) {
            field.append(field.isEmpty() || word.isEmpty() ? word
                    : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return field.toString();
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception exception) {
        LOGGER.error("Unexpected error while handling a request.", exception);
        return withProblem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "request",
                "An unexpected error occurred; it has been logged.");
    }

    /**
     * The errors Spring MVC answers itself (405 method, 406 Accept, 415 Content-Type, 404 no such path, ...) get the
     * same {@code field} and {@code errors} as ours, so that a client reads every error one way.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Spring passes no body for its own errors and takes the exception's; that one is the problem to complete.
        var problemBody = body == null && exception instanceof ErrorResponse response ? response.getBody() : body;
        if (problemBody instanceof ProblemDetail problem) {
            addFieldIfMissing(problem, fieldOf(exception));
        }
        return super.handleExceptionInternal(exception, problemBody, headers, status, request);
    }

    private static String fieldOf(Exception exception) {
        if (exception instanceof HttpRequestMethodNotSupportedException) {
            return "method";
        } else if (exception instanceof HttpMediaTypeNotSupportedException) {
            return "Content-Type";
        } else if (exception instanceof HttpMediaTypeNotAcceptableException) {
            return "Accept";
        } else if (exception instanceof NoResourceFoundException || exception instanceof NoHandlerFoundException) {
            return "path";
        }
        return "request";
    }

    /** Gives a problem built elsewhere (by Spring, or by the error page) our {@code field} and {@code errors}. */
    static void addFieldIfMissing(ProblemDetail problem, String field) {
        var properties = problem.getProperties();
        var named = properties == null ? null : properties.get("field");
        if (named == null) {
            problem.setProperty("field", field);
        }
        if (properties == null || !properties.containsKey("errors")) {
            var reason = problem.getDetail() != null ? problem.getDetail() : problem.getTitle();
            problem.setProperty("errors", List.of(new FieldProblem(named == null ? field : named.toString(),
                    reason == null ? "is not acceptable" : reason)));
        }
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        var field = exception.getPropertyName() == null ? "parameter" : exception.getPropertyName();
        var expected = exception.getRequiredType();
        var reason = "has an invalid value (%s)".formatted(exception.getValue());
        if (expected != null) {
            reason += "; expected " + expectedValue(expected);
        }
        var problem = withProblems(HttpStatus.BAD_REQUEST, "Invalid request", List.of(new FieldProblem(field, reason)));
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException exception, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        var problem = withProblems(HttpStatus.BAD_REQUEST, "Invalid request",
                List.of(new FieldProblem(exception.getParameterName(), "is required")));
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problems = new ArrayList<FieldProblem>();
        exception.getBindingResult().getFieldErrors().forEach(error -> problems
                .add(new FieldProblem(error.getField(), String.valueOf(error.getDefaultMessage()))));
        exception.getBindingResult().getGlobalErrors().forEach(error -> problems
                .add(new FieldProblem(error.getObjectName(), String.valueOf(error.getDefaultMessage()))));
        var problem = withProblems(HttpStatus.BAD_REQUEST, "Invalid request", problems);
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problems = new ArrayList<FieldProblem>();
        for (ParameterValidationResult result : exception.getParameterValidationResults()) {
            var name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> problems
                    .add(new FieldProblem(name == null ? "parameter" : name, String.valueOf(error.getDefaultMessage()))));
        }
        if (problems.isEmpty()) {
            problems.add(new FieldProblem("parameter", "is invalid"));
        }
        var problem = withProblems(HttpStatus.BAD_REQUEST, "Invalid request", problems);
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A body that is not JSON (JsonOnlyRequests, or no converter reads it): says what is accepted. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var sent = exception.getContentType() == null ? "none" : exception.getContentType().toString();
        var accepted = JsonOnlyRequests.ACCEPTED.stream().map(MediaType::toString).toList();
        var problem = withProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", "Content-Type",
                "The body must be JSON, sent with Content-Type: %s (was %s)."
                        .formatted(String.join(" or ", accepted), sent));
        problem.setProperty("accepted", accepted);
        var answerHeaders = new HttpHeaders();
        answerHeaders.setAccept(JsonOnlyRequests.ACCEPTED);
        return handleExceptionInternal(exception, problem, answerHeaders, HttpStatus.UNSUPPORTED_MEDIA_TYPE, request);
    }

    /** A body that is not JSON, or has a value of the wrong type: names the field by its JSON path. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var field = "body";
        var reason = "is not readable JSON";
        if (exception.getCause() instanceof JacksonException jackson) {
            if (jackson instanceof PropertyBindingException unknown && !jackson.getPath().isEmpty()) {
                // FAIL_ON_UNKNOWN_PROPERTIES (StrictJsonConfiguration): a misspelt or made-up field is never ignored.
                field = jsonPath(jackson.getPath());
                reason = unknownFieldReason(unknown);
            } else if (!jackson.getPath().isEmpty()) {
                field = jsonPath(jackson.getPath());
                reason = wrongValueReason(jackson);
            } else if (duplicateKey(jackson) != null) {
                // Strict duplicate detection (StrictJsonConfiguration): which of two values was meant is unknowable.
                field = duplicateKey(jackson);
                reason = "appears twice in one object; send each key once";
            } else if (jackson instanceof ValueInstantiationException) {
                // A record's compact constructor refused the values, e.g. a null inside a list or set.
                reason = "holds a null where a value is required (in a list or set, perhaps)";
            } else {
                // Jackson's own message names Java classes, which mean nothing to a client; where it stopped does.
                var location = jackson.getLocation();
                reason = location == null ? "is not readable JSON"
                        : "is not readable JSON (line %d, column %d)".formatted(location.getLineNr(),
                                location.getColumnNr());
            }
        }
        var problem = withProblems(HttpStatus.BAD_REQUEST, "Invalid request", List.of(new FieldProblem(field, reason)));
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate Object property \"(.{1,200})\"");

    /** The key a body repeats, or null when that is not what is wrong with it. */
    private static @Nullable String duplicateKey(JacksonException exception) {
        var message = exception.getOriginalMessage();
        var matcher = message == null ? null : DUPLICATE_KEY.matcher(message);
        return matcher != null && matcher.find() ? matcher.group(1) : null;
    }

    private static String unknownFieldReason(PropertyBindingException exception) {
        var known = exception.getKnownPropertyIds() == null ? List.<String>of()
                : exception.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
        return known.isEmpty() ? "is not a field of this request; leave it out"
                : "is not a field of this request; leave it out (the fields are: %s)"
                        .formatted(String.join(", ", known));
    }

    /** Says what was expected: a missing yes/no or number reads better as "is required" than as a wrong type. */
    private static String wrongValueReason(JacksonException exception) {
        if (exception instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            var expected = mismatch.getTargetType();
            // Jackson 3 refuses a missing or null value for a primitive (FAIL_ON_NULL_FOR_PRIMITIVES) this way.
            if (expected.isPrimitive() && exception.getOriginalMessage().contains("null")) {
                return "is required (%s)".formatted(expectedValue(expected));
            }
            return "has a value of the wrong type or format; expected " + expectedValue(expected);
        }
        return "has a value of the wrong type or format";
    }

    /** What a value of this type looks like, in a client's words rather than a Java class name. */
    static String expectedValue(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "a whole number";
        } else if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        } else if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        } else if (CharSequence.class.isAssignableFrom(type)) {
            return "a text";
        } else if (type == LocalDate.class) {
            return "a date such as 2026-11-30";
        } else if (type == LocalTime.class) {
            return "a time such as 09:00";
        } else if (type == LocalDateTime.class) {
            return "a date and time such as 2026-11-30T09:00";
        } else if (type == Duration.class) {
            return "an ISO-8601 duration such as PT30S";
        } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    private static String jsonPath(List<JacksonException.Reference> path) {
        var text = new StringBuilder();
        for (var reference : path) {
            if (reference.getPropertyName() != null) {
                if (!text.isEmpty()) {
                    text.append('.');
                }
                text.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                text.append('[').append(reference.getIndex()).append(']');
            }
        }
        return text.isEmpty() ? "body" : text.toString();
    }

    private static ProblemDetail withProblem(HttpStatus status, String title, String field, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("field", field);
        problem.setProperty("errors", List.of(new FieldProblem(field, detail)));
        return problem;
    }

    private static ProblemDetail withProblems(HttpStatus status, String title, List<FieldProblem> problems) {
        var problem = ProblemDetail.forStatusAndDetail(status, InvalidRequestException.describe(problems));
        problem.setTitle(title);
        if (!problems.isEmpty()) {
            problem.setProperty("field", problems.get(0).field());
        }
        problem.setProperty("errors", problems);
        return problem;
    }
}
