package org.qiluvalley.planner.security;

import org.qiluvalley.planner.config.ValleyProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * How passwords are hashed and checked: bcrypt, on a bounded pool ({@link BoundedPasswordEncoder}). Its own
 * configuration, not the web security's, because accounts are also made without a web server (the first-start admin
 * of the import command).
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    /** The cost is configurable because API clients using Basic pay one check on every request. */
    @Bean(destroyMethod = "close")
    BoundedPasswordEncoder passwordEncoder(@Value("${valley.bcrypt-strength:10}") int strength,
            ValleyProperties properties) {
        return new BoundedPasswordEncoder(new BCryptPasswordEncoder(strength),
                properties.signIn().passwordCheckThreadsOrDefault(), properties.signIn().passwordCheckQueue());
    }
}
