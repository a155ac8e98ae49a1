package dev.parley.local.gateway;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** API Gateway's {@code requestTime}, such as {@code 25/Nov/2026:10:15:30 +0000}. */
final class RequestTimes {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private RequestTimes() {}

    static String format(Instant time) {
        return FORMAT.format(time);
    }
}
