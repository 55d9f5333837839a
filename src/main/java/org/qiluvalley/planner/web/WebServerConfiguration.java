package org.qiluvalley.planner.web;

import org.apache.catalina.core.StandardHost;
import org.qiluvalley.planner.config.ValleyProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat as the service needs it: its own error pages become problem+json too ({@link ProblemJsonErrorReportValve}),
 * and every request body passes the {@link RequestBodyGate} (size, time and thread limits) before any filter.
 */
@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonErrorPages() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemJsonErrorReportValve.class.getName());
            }
        });
    }

    /**
     * A context valve, so it runs after the engine's {@code RemoteIpValve} (installed when
     * {@code server.forward-headers-strategy=native}) has put the client's own address on the request.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> requestBodyGate(ValleyProperties properties) {
        ValleyProperties.Uploads uploads = properties.uploads();
        return factory -> factory.addContextValves(new RequestBodyGate(uploads.maxInFlight(),
                uploads.maxInFlightPerClient(), uploads.bodyTimeout(), uploads.drainTimeout()));
    }
}
