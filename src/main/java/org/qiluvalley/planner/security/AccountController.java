package org.qiluvalley.planner.security;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.errors.ConflictException;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.NotFoundException;
import org.qiluvalley.planner.errors.RefusedException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/me} (who is signed in, for the pages) and the admin's user management: {@code GET /api/users},
 * {@code POST /api/users} with {@code {"username", "password", "role"}} ({@link NewUser}).
 */
@RestController
@Tag(name = "Users and sign-in", description = "Who is signed in, and the admin's user management. API clients send "
        + "HTTP Basic on every request; browsers sign in with the form at /login.html (POST /login) and keep a "
        + "session.")
@ApiResponse(responseCode = "429", description = "Too many failed sign-ins from this client: no password is "
        + "checked until Retry-After seconds have passed.",
        headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = "integer")),
        content = @Content(mediaType = AccountController.PROBLEM_JSON,
                schema = @Schema(ref = AccountController.PROBLEM)))
class AccountController {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM = "#/components/schemas/Problem";

    private final UserAccounts accounts;

    /** Who is signed in; the other members only when someone is. */
    @Schema(description = "Who is signed in; the other members only when someone is.")
    @JsonPropertyOrder({"signedIn", "username", "role", "planner"})
    record Me(@Schema(requiredMode = RequiredMode.REQUIRED) boolean signedIn,
            @Schema(example = "planner-li") String username,
            @Schema(allowableValues = {"investor", "planner", "admin"}) String role,
            @Schema(description = "Whether the user may do what planners do (planners and admins).") Boolean planner,
            @Schema(description = "For planners: whether an allocation must be approved by another planner than "
                    + "the one who proposed it (valley.allocations.four-eyes).") Boolean fourEyes) {
    }

    @Schema(description = "A user account (never its password).")
    @JsonPropertyOrder({"username", "role", "enabled", "createdAt"})
    record UserView(@Schema(requiredMode = RequiredMode.REQUIRED, example = "planner-li") String username,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"investor", "planner", "admin"})
            String role,
            @Schema(requiredMode = RequiredMode.REQUIRED) boolean enabled,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time") String createdAt) {
    }

    /** The body of {@code POST /api/users} as the OpenAPI document shows it; {@link NewUser} reads it. */
    @Schema(description = "A new account. Unknown members, members named twice and values that are not strings are a "
            + "400.")
    record NewAccount(
            @Schema(description = "3 to 64 letters, digits or . _ @ -", requiredMode = RequiredMode.REQUIRED,
                    pattern = "^[A-Za-z0-9._@-]{3,64}$", example = "planner-li") String username,
            @Schema(description = "At least " + UserAccounts.MIN_PASSWORD_LENGTH + " characters, at most "
                    + UserAccounts.MAX_PASSWORD_BYTES + " bytes in UTF-8 (bcrypt).",
                    requiredMode = RequiredMode.REQUIRED, format = "password") String password,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"investor", "planner", "admin"})
            String role) {
    }

    private final boolean fourEyes;

    AccountController(UserAccounts accounts, ValleyProperties properties) {
        this.accounts = accounts;
        this.fourEyes = properties.allocations().fourEyes();
    }

    @Operation(operationId = "whoAmI", summary = "Who is signed in",
            description = "Open to anyone: without credentials it answers signedIn false. With HTTP Basic it checks "
                    + "the credentials (a wrong password is a 401), with a session it names the session's user. A "
                    + "browser page that asks it also receives the XSRF-TOKEN cookie for its state-changing requests.")
    @ApiResponse(responseCode = "200", description = "Who is signed in.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Me.class)))
    @ApiResponse(responseCode = "401", description = "Wrong credentials were sent (HTTP Basic).",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @GetMapping(value = "/api/me", produces = MediaType.APPLICATION_JSON_VALUE)
    Me me(Authentication authentication) {
        boolean signedIn = authentication != null && authentication.isAuthenticated()
                && !"anonymousUser".equals(authentication.getPrincipal());
        if (!signedIn) {
            return new Me(false, null, null, null, null);
        }
        Role role = Role.has(authentication, Role.ADMIN) ? Role.ADMIN
                : Role.has(authentication, Role.PLANNER) ? Role.PLANNER : Role.INVESTOR;
        boolean planner = Role.isPlanner(authentication);
        return new Me(true, authentication.getName(), role.wireName(), planner, planner ? fourEyes : null);
    }

    @Operation(operationId = "listUsers", summary = "List the user accounts (admins)")
    @SecurityRequirement(name = "basic")
    @SecurityRequirement(name = "session")
    @ApiResponse(responseCode = "401", description = "Not signed in, or wrong credentials.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "Signed in, but not an admin (or, for a request riding on a "
            + "browser session, without the X-XSRF-TOKEN header).",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "200", description = "Every account.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            array = @ArraySchema(schema = @Schema(implementation = UserView.class))))
    @GetMapping(value = "/api/users", produces = MediaType.APPLICATION_JSON_VALUE)
    List<UserView> users() {
        return accounts.all().stream().map(AccountController::view).toList();
    }

    @Operation(operationId = "createUser", summary = "Create a user account (admins)",
            description = "The password is stored as a bcrypt hash. At most 4 KiB.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = NewAccount.class),
                            examples = @ExampleObject(name = "a planner", value = """
                                    {"username": "planner-li", "password": "a-long-passphrase",
                                     "role": "planner"}"""))),
            parameters = @Parameter(name = "X-XSRF-TOKEN", in = ParameterIn.HEADER, description = "The value of "
                    + "the XSRF-TOKEN cookie. Required when the request is authenticated by the browser session "
                    + "(SESSION cookie); not needed with HTTP Basic.", schema = @Schema(type = "string")))
    @SecurityRequirement(name = "basic")
    @SecurityRequirement(name = "session")
    @ApiResponse(responseCode = "401", description = "Not signed in, or wrong credentials.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "Signed in, but not an admin (or, for a request riding on a "
            + "browser session, without the X-XSRF-TOKEN header).",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "201", description = "Created: the account.",
            headers = @Header(name = "Location", description = "/api/users/{username}",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = UserView.class)))
    @ApiResponse(responseCode = "400", description = "A malformed body, a username or password that breaks the "
            + "rules, an unknown role.", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "The username exists.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "413", description = "The body is over 4 KiB.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
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

    /** The body of {@code PATCH /api/users/{username}} as the OpenAPI document shows it; {@link UserChange} reads it. */
    @Schema(description = "A change of an account: any of role, disabled, password; at least one. Unknown members, "
            + "members named twice and values of the wrong type are a 400.")
    record AccountChange(
            @Schema(allowableValues = {"investor", "planner", "admin"}) String role,
            @Schema(description = "true disables the account (its sessions end at once, on every instance; it can "
                    + "no longer sign in), false enables it.") Boolean disabled,
            @Schema(description = "A new password: at least " + UserAccounts.MIN_PASSWORD_LENGTH + " characters, at "
                    + "most " + UserAccounts.MAX_PASSWORD_BYTES + " bytes in UTF-8. The account's sessions end.",
                    format = "password") String password) {
    }

    @Operation(operationId = "updateUser", summary = "Change a user's role, disable or enable it, or reset its "
            + "password (admins)",
            description = "Any change ends every browser session of the account at once, on every instance (the "
                    + "sessions are in the database): a disabled user is out, a new role or password applies from the "
                    + "next sign-in. The service never leaves itself without an enabled admin (409). An audit event "
                    + "records the role and enabled flag before and after, never the password. At most 4 KiB.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AccountChange.class),
                            examples = @ExampleObject(name = "disable", value = "{\"disabled\": true}"))),
            parameters = {@Parameter(name = "username", in = ParameterIn.PATH, description = "The account.",
                    example = "planner-li"),
                @Parameter(name = "X-XSRF-TOKEN", in = ParameterIn.HEADER, description = "The value of "
                        + "the XSRF-TOKEN cookie. Required when the request is authenticated by the browser session "
                        + "(SESSION cookie); not needed with HTTP Basic.", schema = @Schema(type = "string"))})
    @SecurityRequirement(name = "basic")
    @SecurityRequirement(name = "session")
    @ApiResponse(responseCode = "200", description = "The account after the change.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = UserView.class)))
    @ApiResponse(responseCode = "400", description = "A malformed body, no member, an unknown role, a password that "
            + "breaks the rules.", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "401", description = "Not signed in, or wrong credentials.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "Signed in, but not an admin (or, for a request riding on a "
            + "browser session, without the X-XSRF-TOKEN header).",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such user.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "The change would leave no enabled admin.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "413", description = "The body is over 4 KiB.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @PatchMapping(value = "/api/users/{username}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    UserView update(@PathVariable String username, @RequestBody byte[] bytes, Authentication who) {
        UserChange change = UserChange.read(bytes);
        Optional<UserAccounts.Changed> changed;
        try {
            changed = accounts.change(username, change.role(), change.disabled(), change.password(), who.getName());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        } catch (IllegalStateException e) {
            throw new ConflictException(e.getMessage());
        }
        return view(changed.orElseThrow(() -> new NotFoundException("no user \"" + RefusedException.clip(username)
                + "\"")).account());
    }

    private static UserView view(UserAccounts.Account account) {
        return new UserView(account.username(), account.role().wireName(), account.enabled(),
                account.createdAt().toString());
    }
}
