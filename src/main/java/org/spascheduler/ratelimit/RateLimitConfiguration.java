package org.spascheduler.ratelimit;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import tools.jackson.databind.json.JsonMapper;

/** The rate limit filter, registered here rather than scanned, so that web slice tests leave it out. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    RateLimitFilter rateLimitFilter(RateLimits limits, JsonMapper json) {
        return new RateLimitFilter(limits, json);
    }

    /** The expensive operations say in the OpenAPI document that they answer 429 beyond the caller's budget. */
    @Bean
    GlobalOpenApiCustomizer tooManyRequests() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                if (operation.getResponses() != null && ExpensiveRequest.of(method.name(), path).isPresent()) {
                    operation.getResponses().putIfAbsent("429", new ApiResponse()
                            .description("Beyond this caller's budget for expensive requests "
                                    + "(spa.rate-limit.burst, then spa.rate-limit.per-second); try again after "
                                    + "Retry-After seconds")
                            .addHeaderObject("Retry-After", new Header().description("Seconds to wait")
                                    .schema(new IntegerSchema()))
                            .content(new Content().addMediaType("application/problem+json", new MediaType()
                                    .schema(new Schema<>().$ref("#/components/schemas/Problem")))));
                }
            }));
        };
    }
}
