package dev.parley.local.gateway;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code Host} headers the gateway serves: the address it listens on, {@code localhost} and IP literals. A page
 * of another site whose name an attacker points at 127.0.0.1 (DNS rebinding) sends its own name, and is refused.
 *
 * @param listenHost the address or name the gateway was told to listen on
 */
record AllowedHosts(String listenHost) {

    /** {@code name}, {@code name:port}, {@code [v6]} or {@code [v6]:port}: the host part is group 1 or 2. */
    private static final Pattern HOST_HEADER = Pattern.compile("^(?:\\[([0-9A-Fa-f:.]+)]|([^:\\[\\]]*))(?::\\d{1,5})?$");
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");

    AllowedHosts {
        Objects.requireNonNull(listenHost, "listen host");
    }

    /** Whether a request with this {@code Host} header is served; a request without one is (HTTP/1.0). */
    boolean allows(String hostHeader) {
        if (hostHeader == null) {
            return true;
        }
        var parts = HOST_HEADER.matcher(hostHeader.strip());
        if (!parts.matches()) {
            return false;
        }
        if (parts.group(1) != null) {
            return true; // an IPv6 literal names no DNS record to rebind
        }
        String host = parts.group(2).toLowerCase(Locale.ROOT);
        return host.equals("localhost") || IPV4.matcher(host).matches() || host.equalsIgnoreCase(listenHost);
    }
}
