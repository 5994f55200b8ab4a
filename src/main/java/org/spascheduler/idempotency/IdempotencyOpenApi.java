package org.spascheduler.idempotency;

import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;

/** Every POST of the API documents the {@code Idempotency-Key} header that {@link IdempotencyFilter} honours. */
@Configuration(proxyBeanMethods = false)
class IdempotencyOpenApi {

    @Bean
    GlobalOperationCustomizer idempotencyKeyHeader() {
        return (operation, handlerMethod) -> {
            if (handlerMethod.hasMethodAnnotation(PostMapping.class)) {
                operation.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                        .description("Makes the request safe to retry: the same key with the same request returns "
                                + "the first answer again (marked with the header Idempotent-Replayed: true) "
                                + "without doing it twice; the same key with another request is a 422, and a "
                                + "retry while the first is still being answered a 409 with Retry-After. Keys are "
                                + "kept for 25 hours, across restarts. 1 to 200 visible ASCII characters, e.g. a UUID.")
                        .schema(new StringSchema().maxLength(200).pattern("^[\\x21-\\x7E]{1,200}$"))
                        .example("3f1c2b9e-5d4a-4e7b-9a61-0c8d2e7f4b10"));
            }
            return operation;
        };
    }
}
