package dev.parley.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedHostsTest {

    private final AllowedHosts hosts = new AllowedHosts("chat.lan");

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:8080", "LOCALHOST:8080", "127.0.0.1", "127.0.0.1:8080",
            "192.168.1.20:8080", "[::1]", "[::1]:8080", "chat.lan", "Chat.LAN:8080"})
    void givenLocalhostAnIpOrTheListenHost_allows_isTrue(String host) {
        assertThat(hosts.allows(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "evil.example:8080", "127.0.0.1.evil.example", "localhost.evil.example",
            "chat.lan.evil.example", "", "localhost:port", "[::1", "a b", "localhost:8080:80"})
    void givenAnyOtherName_allows_isFalse(String host) {
        assertThat(hosts.allows(host)).isFalse();
    }
}
