package org.qiluvalley.planner.security;

import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.web.JsonBodies;
import org.qiluvalley.planner.web.JsonBodies.UnknownMember;
import org.qiluvalley.planner.web.JsonBodies.WrongType;

/**
 * The body of {@code PATCH /api/users/{username}}: any of {@code role}, {@code disabled}, {@code password}, bound
 * strictly by {@link JsonBodies} (an unknown or repeated member, or a value of the wrong type, is a 400). An absent
 * member leaves that part of the account as it is; at least one must be there.
 *
 * @param role the new role, or null
 * @param disabled true to disable the account (its sessions end), false to enable it, or null
 * @param password a new password (the old one stops working and the account's sessions end), or null
 */
record UserChange(Role role, Boolean disabled, String password) {

    /** The body as sent. */
    @WrongType("the body must be a JSON object with any of role, disabled, password")
    @UnknownMember("unknown member \"{name}\"; a user is changed through {accepted}")
    record Sent(@WrongType("role must be investor, planner or admin (a string)") String role,
            @WrongType("disabled must be true or false") Boolean disabled,
            @WrongType("password must be a string") String password) {
    }

    static UserChange read(byte[] body) {
        Sent sent = JsonBodies.read(body, Sent.class);
        if (sent.role() == null && sent.disabled() == null && sent.password() == null) {
            throw new InvalidInputException("send at least one of role, disabled, password");
        }
        Role role = null;
        if (sent.role() != null) {
            role = Role.fromWireName(sent.role()).orElseThrow(
                    () -> new InvalidInputException("role must be investor, planner or admin"));
        }
        return new UserChange(role, sent.disabled(), sent.password());
    }

    /** Never the password, in a log or a failure message. */
    @Override
    public String toString() {
        return "UserChange[role=" + role + ", disabled=" + disabled + ", password=" + (password == null ? "unchanged"
                : "changed") + "]";
    }
}
