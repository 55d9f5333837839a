package org.qiluvalley.planner.security;

import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.web.JsonBodies;
import org.qiluvalley.planner.web.JsonBodies.WrongType;

/**
 * The body of {@code POST /api/users}, {@code {"username", "password", "role"}}, bound strictly by
 * {@link JsonBodies}: a member named twice (two "role"s, say) or unknown, or one that is not a string, is a 400.
 * Whether the name and password are acceptable is the accounts' rule ({@link UserAccounts#create}).
 */
record NewUser(String username, String password, Role role) {

    private static final String REQUIRED = "{name} is required (a string)";

    /** The body as sent. */
    @WrongType("the body must be a JSON object with username, password, role")
    record Sent(@WrongType(REQUIRED) String username, @WrongType(REQUIRED) String password,
            @WrongType(REQUIRED) String role) {
    }

    static NewUser read(byte[] body) {
        Sent sent = JsonBodies.read(body, Sent.class);
        String username = required(sent.username(), "username");
        String password = required(sent.password(), "password");
        Role role = Role.fromWireName(required(sent.role(), "role")).orElseThrow(
                () -> new InvalidInputException("role must be investor, planner or admin"));
        return new NewUser(username, password, role);
    }

    /** Never the password, in a log or a failure message. */
    @Override
    public String toString() {
        return "NewUser[username=" + username + ", role=" + role + "]";
    }

    private static String required(String value, String name) {
        if (value == null) {
            throw new InvalidInputException(REQUIRED.replace("{name}", name));
        }
        return value;
    }
}
