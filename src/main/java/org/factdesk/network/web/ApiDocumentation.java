package org.factdesk.network.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /api/openapi and shown at /api/docs, with the personal-token scheme. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String TOKEN = "personal-token";

    @Bean
    OpenAPI factDeskApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("FactDesk API")
                        .version("v1")
                        .description("Items, cases, verdicts, users and units of a FactDesk installation. Create a"
                                + " personal token with POST /api/v1/auth/tokens (e-mail and password) or in the UI,"
                                + " then send it as Authorization: Bearer <token>. Errors are RFC 9457 problem"
                                + " details."))
                .components(new Components()
                        .addSecuritySchemes(
                                TOKEN,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A personal API token (fd_...)")))
                .addSecurityItem(new SecurityRequirement().addList(TOKEN));
    }

    /**
     * Every operation's failures, as the desk answers them: RFC 9457 problem details ({@code ProblemDetail} schema,
     * with {@code errors} for invalid fields and {@code code} for the desk's own reasons). An operation that already
     * documents a status keeps its own description.
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> {
            Schema<?> problem = new ObjectSchema()
                    .description("RFC 9457 problem details")
                    .addProperty("type", new StringSchema().example("about:blank"))
                    .addProperty("title", new StringSchema())
                    .addProperty("status", new IntegerSchema())
                    .addProperty("detail", new StringSchema())
                    .addProperty("instance", new StringSchema())
                    .addProperty("code", new StringSchema().description("the desk's reason, a message key"))
                    .addProperty(
                            "errors",
                            new ArraySchema()
                                    .description("invalid fields: field, message, rejected")
                                    .items(new ObjectSchema()));
            api.getComponents().addSchemas("ProblemDetail", problem);
            Map<String, String> failures = new LinkedHashMap<>();
            failures.put("400", "Invalid input (errors lists the fields)");
            failures.put("401", "No or unknown API token");
            failures.put("403", "Your roles do not allow this");
            failures.put("404", "Not found");
            failures.put("409", "Conflicts with the current state");
            failures.put("413", "Body too large");
            failures.put("500", "Unexpected failure (reference in the log)");
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths()
                    .values()
                    .forEach(path -> path.readOperations().forEach(operation -> {
                        ApiResponses responses = operation.getResponses();
                        failures.forEach((status, description) -> {
                            if (!responses.containsKey(status)) {
                                responses.addApiResponse(
                                        status,
                                        new ApiResponse()
                                                .description(description)
                                                .content(
                                                        new Content()
                                                                .addMediaType(
                                                                        "application/problem+json",
                                                                        new MediaType()
                                                                                .schema(
                                                                                        new Schema<>()
                                                                                                .$ref(
                                                                                                        "#/components/schemas/ProblemDetail")))));
                            }
                        });
                    }));
        };
    }
}
