package org.spascheduler.web;

import java.util.Set;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.ResourceHttpMessageConverter;
import org.springframework.http.converter.ResourceRegionHttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are JSON, read strictly: Jackson's lenient defaults would silently change what a client meant (a
 * {@code grainMinutes} of 1.5 stored as 1, a {@code load} of 0 read as the first enum constant, a {@code released} of
 * -1 read as true, a duplicated key keeping only its last value, a
 * {@code durationMinutes} of "60" or a {@code late} of "true" read as the number or the boolean, a misspelt
 * {@code sameTherpist} dropped). Each of these is a 400 naming the field instead.
 * <p>
 * Only JSON is read, and only JSON is written: Spring registers a YAML converter (Jackson 2's, because swagger-core
 * brings {@code jackson-dataformat-yaml}) with none of these rules, and XML and form converters; they are taken out,
 * so that {@code Content-Type: application/yaml} is a 415 and {@code Accept: application/yaml} a 406 (see also
 * {@link JsonOnlyRequests}).
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    /** The converters kept besides JSON's: they read only bodies of their own Java type, which no endpoint takes. */
    private static final Set<Class<?>> WRITERS_KEPT = Set.of(StringHttpMessageConverter.class,
            ByteArrayHttpMessageConverter.class, ResourceHttpMessageConverter.class,
            ResourceRegionHttpMessageConverter.class);

    @Bean
    ServerHttpMessageConvertersCustomizer jsonConvertersOnly() {
        return builder -> builder.configureMessageConvertersList(converters -> converters.removeIf(converter ->
                !converter.getSupportedMediaTypes().contains(MediaType.APPLICATION_JSON)
                        && !WRITERS_KEPT.contains(converter.getClass())));
    }

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
