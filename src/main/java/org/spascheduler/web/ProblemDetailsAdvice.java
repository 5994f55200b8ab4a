package org.spascheduler.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
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
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, exception.getMessage());
        problem.setTitle("Not found");
        problem.setProperty("field", exception.field());
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException exception) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
        problem.setTitle("Conflict");
        var response = ResponseEntity.status(HttpStatus.CONFLICT);
        if (exception.location() != null) {
            problem.setProperty("location", exception.location());
            response.header(HttpHeaders.LOCATION, exception.location());
        }
        return response.body(problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail staleVersion(OptimisticLockingFailureException exception) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Someone changed this since you read it: read it again and reapply your change.");
        problem.setTitle("Stale version");
        problem.setProperty("field", "version");
        return problem;
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException exception) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Something with this id already exists.");
        problem.setTitle("Already exists");
        problem.setProperty("field", "id");
        return problem;
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail stillReferenced(DataIntegrityViolationException exception) {
        LOGGER.info("A write broke a database constraint: {}", exception.getMostSpecificCause().getMessage());
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "This would leave stored data inconsistent (for example, deleting something other records still "
                        + "refer to); nothing was changed.");
        problem.setTitle("Conflict with stored data");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception exception) {
        LOGGER.error("Unexpected error while handling a request.", exception);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged.");
        problem.setTitle("Internal error");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        var field = exception.getPropertyName() == null ? "parameter" : exception.getPropertyName();
        var expected = exception.getRequiredType();
        var reason = "has an invalid value (%s)".formatted(exception.getValue());
        if (expected != null && expected.isEnum()) {
            reason += "; expected one of " + Arrays.toString(expected.getEnumConstants());
        } else if (expected != null) {
            reason += "; expected a " + expected.getSimpleName();
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

    /** A body that is not JSON, or has a value of the wrong type: names the field by its JSON path. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var field = "body";
        var reason = "is not readable JSON";
        if (exception.getCause() instanceof JacksonException jackson) {
            if (!jackson.getPath().isEmpty()) {
                field = jsonPath(jackson.getPath());
                reason = wrongValueReason(jackson);
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

    /** Says what was expected: a missing yes/no or number reads better as "is required" than as a wrong type. */
    private static String wrongValueReason(JacksonException exception) {
        if (exception instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            var expected = mismatch.getTargetType();
            // Jackson 3 refuses a missing or null value for a primitive (FAIL_ON_NULL_FOR_PRIMITIVES) this way.
            if (expected.isPrimitive() && exception.getOriginalMessage().contains("null")) {
                return "is required (a %s)".formatted(expected.getSimpleName());
            }
            if (expected.isEnum()) {
                return "has a value of the wrong type or format; expected one of "
                        + Arrays.toString(expected.getEnumConstants());
            }
            return "has a value of the wrong type or format; expected a " + expected.getSimpleName();
        }
        return "has a value of the wrong type or format";
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
