package org.qiluvalley.planner.security;

import java.net.URI;
import java.util.List;

import org.qiluvalley.planner.errors.ConflictException;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code GET /api/me} (who is signed in, for the pages) and the admin's user management: {@code GET /api/users},
 * {@code POST /api/users} with {@code {"username", "password", "role"}} ({@link NewUser}).
 */
@RestController
class AccountController {

    private final UserAccounts accounts;

    /** Who is signed in; the other members only when someone is. */
    @JsonPropertyOrder({"signedIn", "username", "role", "planner"})
    record Me(boolean signedIn, String username, String role, Boolean planner) {
    }

    @JsonPropertyOrder({"username", "role", "enabled", "createdAt"})
    record UserView(String username, String role, boolean enabled, String createdAt) {
    }

    AccountController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping(value = "/api/me", produces = MediaType.APPLICATION_JSON_VALUE)
    Me me(Authentication authentication) {
        boolean signedIn = authentication != null && authentication.isAuthenticated()
                && !"anonymousUser".equals(authentication.getPrincipal());
        if (!signedIn) {
            return new Me(false, null, null, null);
        }
        Role role = Role.has(authentication, Role.ADMIN) ? Role.ADMIN
                : Role.has(authentication, Role.PLANNER) ? Role.PLANNER : Role.INVESTOR;
        return new Me(true, authentication.getName(), role.wireName(), Role.isPlanner(authentication));
    }

    @GetMapping(value = "/api/users", produces = MediaType.APPLICATION_JSON_VALUE)
    List<UserView> users() {
        return accounts.all().stream().map(AccountController::view).toList();
    }

    @PostMapping(value = "/api/users", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<UserView> create(@RequestBody byte[] bytes, Authentication who) {
        NewUser user = NewUser.read(bytes);
        boolean created;
        try {
            created = accounts.create(user.username(), user.password(), user.role(), who.getName());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        if (!created) {
            throw new ConflictException("user \"" + user.username() + "\" exists");
        }
        return ResponseEntity.created(URI.create("/api/users/" + user.username()))
                .body(view(accounts.find(user.username()).orElseThrow()));
    }

    private static UserView view(UserAccounts.Account account) {
        return new UserView(account.username(), account.role().wireName(), account.enabled(),
                account.createdAt().toString());
    }
}
