package org.spascheduler.web;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The error page, for the errors that never reach a controller (a TRACE request, a failure in a servlet filter):
 * problem+json like every other error, instead of Spring Boot's own JSON shape. Says only the status, never an
 * exception's message, so that nothing internal leaks. It is no endpoint of the API: hidden from the OpenAPI
 * document, and a request for its path (any method) is answered as for any unmapped path, 404.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    /** Every method, OPTIONS too: Spring would otherwise answer OPTIONS itself, listing the methods. */
    @RequestMapping(path = "${server.error.path:${error.path:/error}}", method = { RequestMethod.GET,
            RequestMethod.HEAD, RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE,
            RequestMethod.OPTIONS, RequestMethod.TRACE })
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        var status = request.getDispatcherType() == DispatcherType.ERROR
                ? statusOf(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE))
                : HttpStatus.NOT_FOUND;
        var problem = ProblemDetail.forStatusAndDetail(status, detailOf(status));
        problem.setTitle(status.getReasonPhrase());
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            problem.setInstance(instance(path));
        } else {
            problem.setInstance(instance(request.getRequestURI()));
        }
        ProblemDetailsAdvice.addFieldIfMissing(problem, fieldOf(status));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The path as a URI, its illegal characters quoted: a path that reached the error page may hold any. */
    static @Nullable URI instance(String path) {
        try {
            return new URI(null, null, path, null);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static HttpStatus statusOf(Object code) {
        var status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    static String fieldOf(HttpStatus status) {
        return switch (status) {
            case METHOD_NOT_ALLOWED -> "method";
            case NOT_FOUND -> "path";
            case UNSUPPORTED_MEDIA_TYPE -> "Content-Type";
            case NOT_ACCEPTABLE -> "Accept";
            default -> "request";
        };
    }

    static String detailOf(HttpStatus status) {
        return switch (status) {
            case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
            case NOT_FOUND -> "There is nothing at this path.";
            case BAD_REQUEST -> "The request is malformed (its path, query or headers cannot be read).";
            case INTERNAL_SERVER_ERROR -> "An unexpected error occurred; it has been logged.";
            default -> status.getReasonPhrase() + ".";
        };
    }
}
