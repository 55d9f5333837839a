package org.qiluvalley.planner.security;

import java.security.SecureRandom;

import org.qiluvalley.planner.config.ValleyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * First start with no users: creates {@code admin}, with the password from {@code VALLEY_ADMIN_PASSWORD}
 * ({@code valley.admin-password}) or, when that is unset, a random one printed once to the log. There is never a
 * fixed default password. Two instances starting together on one empty database create it once: the second insert
 * meets the primary key and changes nothing.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserAccounts accounts;
    private final ValleyProperties properties;

    AdminBootstrap(UserAccounts accounts, ValleyProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.isEmpty()) {
            return;
        }
        String configured = properties.adminPassword();
        boolean generated = configured.isEmpty();
        String password = generated ? randomPassword() : configured;
        if (!accounts.create(ADMIN, password, Role.ADMIN, "system")) {
            return;
        }
        if (generated) {
            // Printed once, on the only start that creates the account; it is stored as a bcrypt hash only.
            log.warn("Created user 'admin' with the generated password: {}  (set VALLEY_ADMIN_PASSWORD to choose it; "
                    + "this is shown only once)", password);
        } else {
            log.info("Created user 'admin' with the password from VALLEY_ADMIN_PASSWORD");
        }
    }

    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
