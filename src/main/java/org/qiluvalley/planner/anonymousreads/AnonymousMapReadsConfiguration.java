package org.qiluvalley.planner.anonymousreads;

import org.qiluvalley.planner.features.FeaturesController;
import org.qiluvalley.planner.features.OgcApi;
import org.qiluvalley.planner.tiles.TilesController;
import org.qiluvalley.planner.config.ValleyProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.micrometer.core.instrument.MeterRegistry;

/** Installs {@link AnonymousMapReads} first among the servlet filters, on the collections' paths only. */
@Configuration(proxyBeanMethods = false)
class AnonymousMapReadsConfiguration {

    @Bean
    FilterRegistrationBean<AnonymousMapReads> anonymousMapReads(FeaturesController features, TilesController tiles,
            MeterRegistry meters, ValleyProperties properties,
            @Value("${server.servlet.session.cookie.name:" + AnonymousMapReads.SESSION_COOKIE + "}") String sessionCookie) {
        FilterRegistrationBean<AnonymousMapReads> registration = new FilterRegistrationBean<>(
                new AnonymousMapReads(features, tiles, meters, sessionCookie,
                        properties.items().concurrentReadsOrDefault()));
        registration.addUrlPatterns(OgcApi.ROOT + "/collections/*");
        // Before the observation filter (HIGHEST_PRECEDENCE + 1) and the security chain: skipping them is the point.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setEnabled(properties.items().anonymousFastPath());
        registration.setName("anonymousMapReads");
        return registration;
    }
}
