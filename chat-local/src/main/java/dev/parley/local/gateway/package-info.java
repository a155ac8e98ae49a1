/**
 * An emulator of API Gateway that knows nothing of chat: {@link dev.parley.local.gateway.LocalGateway} drives whatever
 * Lambda handlers a {@link dev.parley.local.gateway.RouteTable} names, run by the Lambda runtime emulation in
 * {@link dev.parley.local.gateway.lambda}. Nothing here depends on {@code dev.parley.chat} or on the Parley wiring in
 * {@code dev.parley.local}; chat-local's {@code GatewayDependencyRulesTest} fails the build if anything does.
 * <p>
 * On one port: the WebSocket API at {@code /{stage}}, its {@code @connections} API at
 * {@code /{stage}/@connections/{id}}, the REST API at {@code /{restStage}/{resource}}, and static pages with a
 * generated {@code /config.json}. It follows API Gateway where the handlers can tell: the events' fields and id
 * formats, route selection by {@code $request.body.action}, {@code $connect} before the upgrade, two-way routes,
 * the 32 KB frame and 128 KB message limits (1009), the idle timeout and maximum duration (1001 "Going away"),
 * {@code $disconnect} whenever a connection ends, the {@code @connections} answers with the
 * {@code x-amzn-ErrorType} the SDKs map to their exceptions, and, when given them, a {@code $connect} authorizer
 * (401/403/500 as API Gateway answers, its context in every event of the connection) and a REST API key (403).
 * <p>
 * Where it knowingly differs:
 * <ul>
 *   <li>{@code @connections} calls must carry a SigV4 {@code Authorization} header, but the signature is not
 *       verified: any credentials will do.</li>
 *   <li>One kind of authorizer: a Lambda REQUEST authorizer on {@code $connect} with its identity source in the query
 *       string, whose results are not cached; one API key for every REST method (no usage plans). No custom domains
 *       or integration timeout; {@code domainName} is the {@code Host} the client used ({@code host:port}).</li>
 *   <li>{@code disconnectStatusCode} and {@code disconnectReason} have no field in aws-lambda-java-events' event
 *       type: they are written on the {@code $disconnect} log line instead.</li>
 *   <li>Beyond 1,000 invocations at once the next ones wait, where Lambda would throttle.</li>
 *   <li>A {@code DELETE} on {@code @connections} closes the connection with 1000; no compression extension is
 *       negotiated; the idle timeout counts only data frames from the client.</li>
 * </ul>
 */
package dev.parley.local.gateway;
