package org.qiluvalley.planner.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The roles of signed-in users. Anonymous visitors have none. {@code admin} can do everything a planner can, and
 * manage users.
 */
public enum Role {
    /** A signed-in investor: may send inquiries and see their own. */
    INVESTOR,
    /** A planner: all data, all writes. */
    PLANNER,
    /** An administrator: a planner who also manages users. */
    ADMIN;

    /** The Spring Security authority of this role, e.g. {@code ROLE_PLANNER}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The name stored and shown, e.g. {@code planner}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(name)).findFirst();
    }

    /** True when the authentication may see planner-only data (planner or admin). */
    public static boolean isPlanner(Authentication authentication) {
        return has(authentication, PLANNER) || has(authentication, ADMIN);
    }

    public static boolean has(Authentication authentication, Role role) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            if (role.authority().equals(granted.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
