package org.qiluvalley.planner.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qiluvalley.planner.errors.InvalidInputException;

/** The body of {@code POST /api/users}: what is accepted, and the detail of each refusal. */
class NewUserTest {

    private static NewUser read(String json) {
        return NewUser.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void refused(String json, String detail) {
        assertThatThrownBy(() -> read(json)).as(json).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.getMessage()).isEqualTo(detail));
    }

    @Test
    void aUserWithEachRole() {
        assertThat(read("{\"username\":\"li.wei\",\"password\":\"a-long-password\",\"role\":\"planner\"}"))
                .isEqualTo(new NewUser("li.wei", "a-long-password", Role.PLANNER));
        assertThat(read("{\"role\":\"admin\",\"password\":\"p\",\"username\":\" u \"}"))
                .isEqualTo(new NewUser(" u ", "p", Role.ADMIN));
        assertThat(read("{\"username\":\"u\",\"password\":\"p\",\"role\":\"investor\"}").role()).isEqualTo(Role.INVESTOR);
    }

    @Test
    void thePasswordIsNotInItsText() {
        assertThat(read("{\"username\":\"u\",\"password\":\"secret-123\",\"role\":\"investor\"}").toString())
                .doesNotContain("secret-123");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"username\":\"u\",\"password\":\"p\",\"role\":\"investor\",\"role\":\"admin\"}",
        "{\"username\":\"u\"} x"})
    void bodiesThatAreNotValidJson(String body) {
        refused(body, "the body is not valid JSON, or names a member twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "[]", "\"x\"", "1"})
    void bodiesThatAreNotAnObject(String body) {
        refused(body, "the body must be a JSON object with username, password, role");
    }

    @Test
    void unknownMembers() {
        refused("{\"username\":\"u\",\"password\":\"p\",\"role\":\"investor\",\"enabled\":true}",
                "unknown member \"enabled\"; accepted: password, role, username");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "1.5", "true", "{}", "[\"admin\"]"})
    void membersThatAreNotStrings(String value) {
        refused("{\"username\":" + value + ",\"password\":\"p\",\"role\":\"investor\"}", "username is required (a string)");
        refused("{\"username\":\"u\",\"password\":" + value + ",\"role\":\"investor\"}", "password is required (a string)");
        refused("{\"username\":\"u\",\"password\":\"p\",\"role\":" + value + "}", "role is required (a string)");
    }

    @Test
    void membersLeftOutOrNullInTheirOrder() {
        refused("{}", "username is required (a string)");
        refused("{\"password\":\"p\",\"role\":\"investor\"}", "username is required (a string)");
        refused("{\"username\":\"u\",\"password\":null,\"role\":\"investor\"}", "password is required (a string)");
        refused("{\"username\":\"u\",\"password\":\"p\"}", "role is required (a string)");
        refused("{\"username\":\"u\",\"password\":\"p\",\"role\":\"king\"}", "role must be investor, planner or admin");
        refused("{\"username\":\"u\",\"password\":\"p\",\"role\":\"Admin\"}", "role must be investor, planner or admin");
    }
}
