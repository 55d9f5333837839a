package org.qiluvalley.planner.rules;

import java.io.IOException;
import java.io.InputStream;

import org.qiluvalley.planner.config.ValleyProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Loads the rule book once at start-up; a malformed one stops the service with a message naming the line. */
@Configuration(proxyBeanMethods = false)
class RuleBookConfiguration {

    static final String FILE_NAME = "zoning-rules.yaml";

    @Bean
    ZoningRuleBook zoningRuleBook(ValleyProperties properties, ResourceLoader resources) {
        Resource resource = resources.getResource(properties.seedLocation() + FILE_NAME);
        if (!resource.exists()) {
            throw new RuleBookException(properties.seedLocation() + FILE_NAME + " does not exist");
        }
        try (InputStream in = resource.getInputStream()) {
            return ZoningRuleBook.load(in, FILE_NAME);
        } catch (IOException e) {
            throw new RuleBookException(FILE_NAME + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
