package org.qiluvalley.planner.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which limit a request gets; that every endpoint reading a body has its own is checked in BodyLimitsCoverageIT. */
class RequestBodyLimitsTest {

    @ParameterizedTest
    @CsvSource({
            "POST, /ogc/collections/parcels/items, 2097152",
            "PUT, /ogc/collections/parcels/items/QOV-LI-001, 2097152",
            "PATCH, /ogc/collections/parcels/items/QOV-LI-001, 2097152",
            "POST, /api/parcels/validate, 2097152",
            "POST, /api/allocations/validate, 2097152",
            "POST, /api/allocations, 2097152",
            "POST, /api/inquiries, 65536",
            "POST, /api/inquiries/IQ-1/close, 65536",
            "POST, /api/users, 4096",
            "POST, /login, 4096"})
    void eachEndpointHasItsLimit(String method, String path, int bytes) {
        assertThat(RequestBodyLimits.maxBytes(method, path)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /ogc/collections/parcels/items",
            "POST, /ogc/collections/parcels/items/extra",
            "POST, /ogc/collections//items",
            "PUT, /ogc/collections/parcels/items",
            "POST, /api/allocations/A-1/approve",
            "DELETE, /ogc/collections/parcels/items/QOV-LI-001",
            "POST, /api/users/extra",
            "POST, /logout"})
    void anythingElseGetsTheSmallDefault(String method, String path) {
        assertThat(RequestBodyLimits.maxBytes(method, path)).isEqualTo(RequestBodyLimits.OTHER_BYTES);
    }

    @Test
    void aStarIsExactlyOneNonEmptySegment() {
        assertThat(RequestBodyLimits.pathMatches("/a/*/b", "/a/x/b")).isTrue();
        assertThat(RequestBodyLimits.pathMatches("/a/*/b", "/a//b")).isFalse();
        assertThat(RequestBodyLimits.pathMatches("/a/*/b", "/a/x/y/b")).isFalse();
        assertThat(RequestBodyLimits.pathMatches("/a/*", "/a/x/")).isFalse();
        assertThat(RequestBodyLimits.pathMatches("/a/*", "/a/x")).isTrue();
    }
}
