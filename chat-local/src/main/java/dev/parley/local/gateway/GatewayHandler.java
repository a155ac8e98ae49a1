package dev.parley.local.gateway;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Routes each request of the one port: {@code /{stage}} to the WebSocket API, {@code /{stage}/@connections/{id}}
 * to the management API, {@code /{restStage}/{resource}} to the REST API and {@code /config.json} to the pages'
 * settings. Anything else is left to the static pages. A request whose {@code Host} the gateway does not answer to is
 * refused first ({@link AllowedHosts}), whatever its path.
 */
final class GatewayHandler extends Handler.Abstract {

    static final String CONNECTIONS_SEGMENT = "@connections";

    private final String stage;
    private final String restStage;
    private final WebSocketApi webSocketApi;
    private final ManagementApi managementApi;
    private final RestApi restApi;
    private final Function<GatewayUrls, Map<String, String>> pageConfig;
    private final AllowedHosts allowedHosts;
    /**
     * The {@code Host} header allowed last: the check is two regular expressions, and a publisher's calls, thousands a
     * second, all carry the same header.
     */
    private volatile String lastAllowedHost;

    GatewayHandler(AllowedHosts allowedHosts, String stage, String restStage, WebSocketApi webSocketApi, ManagementApi managementApi,
            RestApi restApi, Function<GatewayUrls, Map<String, String>> pageConfig) {
        this.stage = stage;
        this.restStage = restStage;
        this.webSocketApi = webSocketApi;
        this.managementApi = managementApi;
        this.restApi = restApi;
        this.pageConfig = pageConfig;
        this.allowedHosts = allowedHosts;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (!allowed(host)) {
            HttpExchanges.replyError(response, callback, HttpStatus.MISDIRECTED_REQUEST_421, "MisdirectedRequest",
                    "this gateway answers to localhost, IP addresses and " + allowedHosts.listenHost()
                            + ", not to the host '" + host + "'");
            return true;
        }
        String[] segments = Request.getPathInContext(request).substring(1).split("/", -1);
        if (segments.length == 1 && segments[0].equals(stage)) {
            webSocketApi.handshake(request, response, callback);
        } else if (segments.length == 3 && segments[0].equals(stage) && segments[1].equals(CONNECTIONS_SEGMENT)
                && !segments[2].isEmpty()) {
            managementApi.handle(request, response, callback, segments[2]);
        } else if ((segments.length == 2 || segments.length == 3) && segments[0].equals(restStage)
                && !segments[1].isEmpty()) {
            restApi.handle(request, response, callback, String.join("/", Arrays.copyOfRange(segments, 1, segments.length)));
        } else if (segments.length == 1 && segments[0].equals("config.json") && "GET".equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            HttpExchanges.reply(response, callback, HttpStatus.OK_200, "application/json",
                    HttpExchanges.json(pageConfig.apply(urlsSeenBy(request))));
        } else if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            // Pages answer only reads; anything else outside every API is most likely the seed's path without its
            // stage (POST /broadcastmessage), so the answer names where the APIs are, in JSON as the APIs answer.
            HttpExchanges.replyError(response, callback, HttpStatus.NOT_FOUND_404, "NotFoundException",
                    "no API at " + Request.getPathInContext(request) + ": the REST API is under /" + restStage
                            + "/ (POST /" + restStage + "/broadcastmessage) and the WebSocket API at /" + stage);
        } else {
            return false;
        }
        return true;
    }

    private boolean allowed(String host) {
        if (host != null && host.equals(lastAllowedHost)) {
            return true;
        }
        boolean allowed = allowedHosts.allows(host);
        if (allowed && host != null) {
            lastAllowedHost = host;
        }
        return allowed;
    }

    /** The gateway's URLs from the host {@code request} was sent to, so a page connects back the way it was loaded. */
    GatewayUrls urlsSeenBy(Request request) {
        return new GatewayUrls(HttpExchanges.host(request), stage, restStage);
    }
}
