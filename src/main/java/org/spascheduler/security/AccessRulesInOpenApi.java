package org.spascheduler.security;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document says how to sign in (HTTP Basic, or the session cookie of {@code POST /login}) and, per
 * operation, which roles may call it: in its description and as {@code x-roles}, from {@link AccessRules} itself, with
 * the 401 and 403 it may answer. Swagger UI's "Authorize" signs in with Basic.
 */
@Configuration(proxyBeanMethods = false)
class AccessRulesInOpenApi {

    static final String BASIC = "basicAuth";
    static final String SESSION = "sessionCookie";
    static final String ROLES_EXTENSION = "x-roles";

    @Bean
    GlobalOpenApiCustomizer rolesPerOperation() {
        return openApi -> {
            var components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components
                    .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                            .description("Username and password with every request (scripts; over TLS only)."))
                    .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                            .description("The session cookie of POST /login (form fields username, password and "
                                    + "the XSRF-TOKEN cookie's value as _csrf or the X-XSRF-TOKEN header); "
                                    + "requests with it send X-XSRF-TOKEN too.")));
            openApi.setSecurity(List.of(new SecurityRequirement().addList(BASIC),
                    new SecurityRequirement().addList(SESSION)));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> describe(path, method, operation)));
        };
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        var rule = AccessRules.ruleFor(method.name(), path);
        var roles = rule.map(r -> r.roles().stream().sorted().map(Role::name).toList()).orElse(List.of());
        var words = roles.isEmpty() ? "No role may call this (it has no access rule)."
                : "Roles: " + String.join(", ", roles)
                        + rule.filter(r -> !r.scope().isEmpty()).map(r -> "; " + r.scope()).orElse("") + ".";
        operation.setDescription(operation.getDescription() == null || operation.getDescription().isBlank() ? words
                : operation.getDescription() + "\n\n" + words);
        operation.addExtension(ROLES_EXTENSION, roles);
        var responses = operation.getResponses();
        if (responses != null) {
            responses.putIfAbsent("401", problem("Not signed in, or a wrong password (429 while sign-ins are "
                    + "throttled)"));
            responses.putIfAbsent("403", problem("Signed in with a role that may not call this, or a missing "
                    + "CSRF token on a session request"));
        }
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<Map<String, Object>>().type("object")
                        .description("RFC 9457 problem details: type, title, status, detail, instance"))));
    }
}
