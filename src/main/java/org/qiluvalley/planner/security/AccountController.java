package org.qiluvalley.planner.security;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qiluvalley.planner.errors.ConflictException;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.RefusedException;
import org.qiluvalley.planner.web.JsonBodies;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/me} (who is signed in, for the pages) and the admin's user management: {@code GET /api/users},
 * {@code POST /api/users} with {@code {"username", "password", "role"}}.
 */
@RestController
class AccountController {

    private static final Set<String> USER_MEMBERS = Set.of("username", "password", "role");

    private final UserAccounts accounts;

    AccountController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping(value = "/api/me", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> me(Authentication authentication) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean signedIn = authentication != null && authentication.isAuthenticated()
                && !"anonymousUser".equals(authentication.getPrincipal());
        body.put("signedIn", signedIn);
        if (signedIn) {
            body.put("username", authentication.getName());
            Role role = Role.has(authentication, Role.ADMIN) ? Role.ADMIN
                    : Role.has(authentication, Role.PLANNER) ? Role.PLANNER : Role.INVESTOR;
            body.put("role", role.wireName());
            body.put("planner", Role.isPlanner(authentication));
        }
        return body;
    }

    @GetMapping(value = "/api/users", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> users() {
        return accounts.all().stream().map(AccountController::view).toList();
    }

    @PostMapping(value = "/api/users", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> create(@RequestBody byte[] bytes, Authentication who) {
        // One reader for every JSON body: a member named twice (two "role"s, say) is refused, not resolved.
        JsonNode body = JsonBodies.tree(bytes);
        if (!body.isObject()) {
            throw new InvalidInputException("the body must be a JSON object with username, password, role");
        }
        for (String name : body.propertyNames()) {
            if (!USER_MEMBERS.contains(name)) {
                throw new InvalidInputException("unknown member \"" + RefusedException.clip(name)
                        + "\"; accepted: password, role, username");
            }
        }
        String username = text(body, "username");
        String password = text(body, "password");
        Role role = Role.fromWireName(text(body, "role")).orElseThrow(
                () -> new InvalidInputException("role must be investor, planner or admin"));
        boolean created;
        try {
            created = accounts.create(username, password, role, who.getName());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        if (!created) {
            throw new ConflictException("user \"" + username + "\" exists");
        }
        return ResponseEntity.created(URI.create("/api/users/" + username))
                .body(view(accounts.find(username).orElseThrow()));
    }

    private static Map<String, Object> view(UserAccounts.Account account) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("username", account.username());
        view.put("role", account.role().wireName());
        view.put("enabled", account.enabled());
        view.put("createdAt", account.createdAt().toString());
        return view;
    }

    private static String text(JsonNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || !node.isString()) {
            throw new InvalidInputException(name + " is required (a string)");
        }
        return node.stringValue();
    }
}
