package org.ratification.ledger.api.stream;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the JSON Schemas of the event envelope and its payloads under {@code /schema/}, so that
 * consumers of the topic and of the stream validate against the very files the tests use.
 */
@Configuration(proxyBeanMethods = false)
class SchemaResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/schema/**").addResourceLocations("classpath:/schema/");
    }
}
