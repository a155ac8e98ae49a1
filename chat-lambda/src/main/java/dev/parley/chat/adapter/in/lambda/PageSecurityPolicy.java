package dev.parley.chat.adapter.in.lambda;

import java.util.List;
import java.util.Objects;

/**
 * The Content-Security-Policy of the chat and broadcast pages: the one source of the header CloudFront sends with them
 * (the deployment's response headers policy) and chat-local sends with them. Scripts, styles, images and fonts come
 * only from the site itself, never inline; the pages may talk only to the given sources (the two APIs and their own
 * {@code config.json}); no plugins; no page of another site may frame them.
 *
 * @param connectSources where the pages may connect: the WebSocket API, the broadcast endpoint and where
 *        {@code config.json} is
 */
public record PageSecurityPolicy(List<String> connectSources) {

    public static final String HEADER = "Content-Security-Policy";
    /** The site's own origin: deployed, the only way to name it, as the policy is part of the site's distribution. */
    public static final String SELF = "'self'";

    public PageSecurityPolicy {
        connectSources = List.copyOf(Objects.requireNonNull(connectSources, "connect sources"));
        if (connectSources.isEmpty()) {
            throw new IllegalArgumentException("the pages connect to at least their APIs");
        }
        for (String source : connectSources) {
            // A ';' or ',' would end the directive or the policy: whatever followed would be a policy of its own.
            if (source.isBlank() || source.chars().anyMatch(c -> c == ';' || c == ',' || Character.isWhitespace(c))) {
                throw new IllegalArgumentException("a connect source is one URL or keyword, not '" + source + "'");
            }
        }
    }

    /**
     * The pages' policy when they read {@code config.json} from {@code configSource} and connect to
     * {@code webSocketUrl} and {@code broadcastUrl}, as exact URLs, and to the statuses of queued broadcasts beside the
     * broadcast URL (a path ending in {@code /} allows what is below it): nothing else of those hosts, such as
     * {@code @connections}, is reachable from the pages.
     */
    public static PageSecurityPolicy forPages(String configSource, String webSocketUrl, String broadcastUrl) {
        return new PageSecurityPolicy(List.of(configSource, webSocketUrl, broadcastUrl, statusesBeside(broadcastUrl)));
    }

    /**
     * {@code .../broadcasts/} for {@code .../broadcastmessage}. Plain text surgery on the suffix, which the deployment's
     * URL (tokens for the API's id and region, then the literal stage and resource) keeps intact.
     */
    static String statusesBeside(String broadcastUrl) {
        String resource = "/" + BroadcastRoute.RESOURCE;
        if (!broadcastUrl.endsWith(resource)) {
            throw new IllegalArgumentException("a broadcast URL ends with " + resource + ": " + broadcastUrl);
        }
        return broadcastUrl.substring(0, broadcastUrl.length() - resource.length()) + "/"
                + BroadcastStatusRoute.RESOURCE_PARENT + "/";
    }

    /** The header's value. {@code base-uri} and {@code form-action} are not covered by {@code default-src}. */
    public String header() {
        return "default-src 'self'; connect-src " + String.join(" ", connectSources)
                + "; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    }
}
