package org.qiluvalley.planner.config;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's clock, one bean, so that time-dependent code can be tested with a clock of the test's own. Its
 * instants are the system's; its zone is the park's calendar ({@code valley.allocations.time-zone}), in which a
 * contract's dates are days.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(ValleyProperties properties) {
        return Clock.system(properties.allocations().timeZone());
    }
}
