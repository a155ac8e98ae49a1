/**
 * Parley on one machine: the wiring that plugs Parley's real handlers into the chat-agnostic API Gateway emulator of
 * {@link dev.parley.local.gateway}. {@link dev.parley.local.ParleyLocal} starts dynalite (or uses a given DynamoDB
 * endpoint), creates the chat details table as the deployment defines it, and starts a
 * {@link dev.parley.local.gateway.LocalGateway} with the functions of the same route tables the deployment reads
 * ({@code ParleyRoutes}), the {@code $connect} authorizer and the broadcast endpoint's API key when authorization is
 * on, and the options of its command line ({@link dev.parley.local.LocalOptions}).
 */
package dev.parley.local;
