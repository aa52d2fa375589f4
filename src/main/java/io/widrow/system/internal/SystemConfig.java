package io.widrow.system.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.widrow.system.WidrowProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WidrowProperties.class)
class SystemConfig {

    /** The scheme is required globally so Swagger UI's Authorize button sends the key on every call. */
    @Bean
    OpenAPI widrowOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Widrow API")
                        .description("Neural-network training as a service: upload datasets, train models, predict.")
                        .version("v1"))
                .components(new Components().addSecuritySchemes("apiKey", new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name("X-API-Key")
                        .description("An API key; the bootstrap admin key is printed once at first start.")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
