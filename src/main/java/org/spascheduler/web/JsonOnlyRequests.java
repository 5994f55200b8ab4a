package org.spascheduler.web;

import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every request body the API reads is JSON: one of any other type (YAML, XML, a form, plain text, none at all) is a
 * 415 before an endpoint sees it, also where the endpoint takes no body, so that a form's fields never stand in for
 * query parameters. The converters that could read those types are gone as well ({@link StrictJsonConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class JsonOnlyRequests implements WebMvcConfigurer, HandlerInterceptor {

    /** What the API reads; the 415 answer names it. */
    static final List<MediaType> ACCEPTED = List.of(MediaType.APPLICATION_JSON);

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException {
        // Only the API's own endpoints: an unmapped path stays a 404, the error page answers for what went wrong.
        if (!(handler instanceof HandlerMethod) || request.getDispatcherType() != DispatcherType.REQUEST
                || !hasBody(request)) {
            return true;
        }
        var contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || contentType.isBlank()) {
            throw new HttpMediaTypeNotSupportedException("A request body needs Content-Type: application/json.");
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotSupportedException("Content-Type (" + contentType + ") cannot be read.");
        }
        if (!isJson(type)) {
            throw new HttpMediaTypeNotSupportedException(type, ACCEPTED, HttpMethod.valueOf(request.getMethod()));
        }
        return true;
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** {@code application/json} or a JSON based type such as {@code application/merge-patch+json}. */
    static boolean isJson(@Nullable MediaType type) {
        return type != null && "application".equals(type.getType()) && !type.isWildcardSubtype()
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }
}
