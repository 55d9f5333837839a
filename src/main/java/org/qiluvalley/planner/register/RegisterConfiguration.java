package org.qiluvalley.planner.register;

import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.parcel.RegisterChangeLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One {@link RegisterWatch} per instance, over the store's change log. */
@Configuration(proxyBeanMethods = false)
class RegisterConfiguration {

    @Bean
    RegisterWatch registerWatch(RegisterChangeLog changeLog, ValleyProperties properties) {
        return new RegisterWatch(changeLog, properties.register().keepChanges());
    }
}
