package org.factdesk.network.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
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
}
