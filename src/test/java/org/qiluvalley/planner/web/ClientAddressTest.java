package org.qiluvalley.planner.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One client, one key, however its address is spelled. */
class ClientAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "127.255.255.254", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"})
    void everyLoopbackSpellingIsOneClient(String address) {
        assertThat(ClientAddress.key(address)).isEqualTo("loopback");
    }

    @ParameterizedTest
    @CsvSource({
            "203.0.113.7, 203.0.113.7",
            "::ffff:203.0.113.7, 203.0.113.7",
            "0:0:0:0:0:ffff:cb00:7107, 203.0.113.7",
            "::203.0.113.7, 203.0.113.7"})
    void ipv4AndItsIpv6FormsAreOneClient(String address, String key) {
        assertThat(ClientAddress.key(address)).isEqualTo(key);
    }

    @Test
    void ipv6ClientsAreCountedByTheirSlash64() {
        String one = ClientAddress.key("2001:db8:1:2::1");
        assertThat(one).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.key("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).isEqualTo(one);
        assertThat(ClientAddress.key("2001:db8:1:2:a:b:c:d%eth0")).isEqualTo(one);
        assertThat(ClientAddress.key("2001:db8:1:3::1")).isNotEqualTo(one);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "example.org", "1.2.3.4; DROP TABLE", "::g", "999.1.1.1"})
    void anythingButALiteralAddressIsUnknownAndNeverLookedUp(String address) {
        assertThat(ClientAddress.key(address)).isEqualTo(ClientAddress.UNKNOWN);
    }

    @Test
    void aMissingAddressIsUnknown() {
        assertThat(ClientAddress.key(null)).isEqualTo(ClientAddress.UNKNOWN);
    }
}
