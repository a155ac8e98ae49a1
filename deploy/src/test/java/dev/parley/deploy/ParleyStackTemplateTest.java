package dev.parley.deploy;

import static dev.parley.deploy.JsonTree.at;
import static dev.parley.deploy.JsonTree.getAtt;
import static dev.parley.deploy.JsonTree.join;
import static dev.parley.deploy.JsonTree.list;
import static dev.parley.deploy.JsonTree.map;
import static dev.parley.deploy.JsonTree.ref;
import static dev.parley.deploy.JsonTree.refsIn;
import static dev.parley.deploy.JsonTree.resources;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.parley.chat.adapter.out.apigateway.CallbackRate;
import dev.parley.chat.adapter.out.dynamodb.ChatDetailsTable;
import dev.parley.chat.adapter.out.dynamodb.ChatHistoryTable;
import dev.parley.chat.adapter.out.dynamodb.ChatRoomsTable;
import dev.parley.chat.adapter.in.lambda.BroadcastRoute;
import dev.parley.chat.adapter.in.lambda.BroadcastStatusRoute;
import dev.parley.chat.adapter.in.lambda.BroadcastWorkerRoute;
import dev.parley.chat.domain.model.ConnectionLimit;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.adapter.in.lambda.WebSocketRoute;
import dev.parley.chat.adapter.in.lambda.authorizer.AuthorizerHandler;
import dev.parley.chat.adapter.in.lambda.authorizer.BroadcastAuthorizerHandler;
import dev.parley.chat.wiring.ChatConfiguration;
import dev.parley.chat.settings.dynamodb.HistorySettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** The synthesized template with every setting at its default. */
class ParleyStackTemplateTest {

    private static final String ALIAS_NAME = "live";

    private static SynthesizedParley parley;
    private static Map<String, Object> template;

    @BeforeAll
    static void synthesize() {
        parley = SynthesizedParley.defaults();
        template = parley.template;
    }

    @Test
    void givenDefaults_synth_createsEachKindOfResourceAsOftenAsParleyNeedsIt() {
        Map<String, Integer> expectedCounts = Map.ofEntries(
                Map.entry("AWS::DynamoDB::Table", 3),
                Map.entry("AWS::ApiGatewayV2::Api", 1),
                Map.entry("AWS::ApiGatewayV2::Route", 8),
                Map.entry("AWS::ApiGatewayV2::Integration", 8),
                Map.entry("AWS::ApiGatewayV2::Authorizer", 1),
                Map.entry("AWS::ApiGatewayV2::RouteResponse", 6),
                Map.entry("AWS::ApiGatewayV2::Stage", 1),
                Map.entry("AWS::ApiGateway::RestApi", 1),
                // POST broadcastmessage and GET broadcasts/{id}, each with its CORS preflight
                Map.entry("AWS::ApiGateway::Method", 4),
                Map.entry("AWS::ApiGateway::Stage", 1),
                Map.entry("AWS::ApiGateway::ApiKey", 1),
                Map.entry("AWS::ApiGateway::UsagePlan", 1),
                Map.entry("AWS::ApiGateway::UsagePlanKey", 1),
                Map.entry("AWS::ApiGateway::Account", 1),
                // the eleven handlers (broadcast status and worker included), the two authorizers and CDK's
                // bucket-deployment function
                Map.entry("AWS::Lambda::Function", 14),
                Map.entry("AWS::Lambda::Version", 13),
                Map.entry("AWS::Lambda::Alias", 13),
                Map.entry("AWS::Lambda::Permission", 12),
                Map.entry("AWS::Lambda::EventSourceMapping", 1),
                Map.entry("AWS::SQS::Queue", 2),
                Map.entry("AWS::CloudWatch::Alarm", 1),
                Map.entry("AWS::ApiGateway::Authorizer", 1),
                Map.entry("AWS::SecretsManager::Secret", 1),
                // thirteen functions, two API access logs, the page deployment
                Map.entry("AWS::Logs::LogGroup", 16),
                Map.entry("AWS::S3::Bucket", 1),
                Map.entry("AWS::CloudFront::Distribution", 1),
                Map.entry("AWS::CloudFront::OriginAccessControl", 1),
                Map.entry("AWS::CloudFront::ResponseHeadersPolicy", 1),
                Map.entry("Custom::CDKBucketDeployment", 1));
        expectedCounts.forEach((type, count) -> parley.assertions.resourceCountIs(type, count));
    }

    @Test
    void givenTheRouteTable_synth_routesEachKeyToItsHandlersAlias() {
        Map<String, Map<String, Object>> routes = resources(template, "AWS::ApiGatewayV2::Route");
        Map<String, String> functionIds = parley.functionIdsByHandler();

        assertThat(routes.values()).extracting(route -> at(route, "Properties", "RouteKey"))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(WebSocketRoute.values()).map(WebSocketRoute::routeKey).toList());
        for (WebSocketRoute route : WebSocketRoute.values()) {
            Map<String, Object> routeResource = routeFor(route.routeKey()).getValue();
            String integrationId = single(refsIn(at(routeResource, "Properties", "Target")));
            Object integrationUri = at(parley.resource(integrationId), "Properties", "IntegrationUri");
            assertThat(refsIn(integrationUri)).as(route.routeKey() + " invokes its handler's alias")
                    .contains(aliasOf(functionIds.get(route.handler())));
            assertThat(at(parley.resource(integrationId), "Properties", "IntegrationType")).isEqualTo("AWS_PROXY");
        }
    }

    @Test
    void givenTwoWayRoutes_synth_givesExactlyThemARouteResponse() {
        Set<String> routesWithResponse = resources(template, "AWS::ApiGatewayV2::RouteResponse").values().stream()
                .peek(response -> assertThat(at(response, "Properties", "RouteResponseKey")).isEqualTo("$default"))
                .map(response -> single(refsIn(at(response, "Properties", "RouteId"))))
                .collect(Collectors.toSet());

        for (WebSocketRoute route : WebSocketRoute.values()) {
            Map.Entry<String, Map<String, Object>> routeResource = routeFor(route.routeKey());
            assertThat(routesWithResponse.contains(routeResource.getKey())).as(route.routeKey()).isEqualTo(route.twoWay());
            assertThat(at(routeResource.getValue(), "Properties", "RouteResponseSelectionExpression"))
                    .as(route.routeKey()).isEqualTo(route.twoWay() ? "$default" : null);
        }
    }

    @Test
    void givenDefaults_synth_selectsRoutesByActionOnAThrottledAutoDeployedProductionStage() {
        parley.assertions.hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of(
                "ProtocolType", "WEBSOCKET",
                "RouteSelectionExpression", WebSocketRoute.ROUTE_SELECTION_EXPRESSION));
        parley.assertions.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of(
                "StageName", WebSocketRoute.DEFAULT_STAGE,
                "AutoDeploy", true,
                "DefaultRouteSettings", Map.of("ThrottlingRateLimit", 100, "ThrottlingBurstLimit", 200),
                "AccessLogSettings", Map.of("DestinationArn", Match.anyValue(), "Format", Match.stringLikeRegexp("^\\{.*\\}$"))));
    }

    /**
     * With the default limits (10 frames a second, bursts of 20, 5 connections a user), every route a client can flood
     * but sendMessage takes at most 50 a second with bursts of 100, half the stage; sendMessage the stage's own.
     */
    @Test
    void givenDefaults_synth_throttlesEachRouteClientsCanFloodBelowTheStage() {
        Map<String, Object> control = Map.of("ThrottlingRateLimit", 50, "ThrottlingBurstLimit", 100);
        Map<String, Object> expected = new HashMap<>();
        for (WebSocketRoute route : WebSocketRoute.values()) {
            if (route == WebSocketRoute.SEND_MESSAGE) {
                expected.put(route.routeKey(), Map.of("ThrottlingRateLimit", 100, "ThrottlingBurstLimit", 200));
            } else if (route != WebSocketRoute.DISCONNECT) {
                expected.put(route.routeKey(), control);
            }
        }

        Map<String, Object> stage = parley.resource(parley.logicalIdOf("AWS::ApiGatewayV2::Stage"));

        assertThat(at(stage, "Properties", "RouteSettings")).isEqualTo(expected);
        assertThat(list(at(stage, "DependsOn"))).as("the routes exist before their settings")
                .hasSizeGreaterThanOrEqualTo(WebSocketRoute.values().length);
    }

    @Test
    void givenTheTableDefinition_synth_createsTheTableWithItsKeyIndexesAndProjections() {
        List<String> connection = List.of(ChatDetailsTable.DISPLAY_NAME, ChatDetailsTable.CONNECTION_TIME,
                ChatDetailsTable.USER_ID, ChatDetailsTable.ROOM_ACCESS);
        List<String> connectionAndRooms = new ArrayList<>(connection);
        connectionAndRooms.add(ChatDetailsTable.ROOMS);
        parley.assertions.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "TableName", ChatDetailsTable.DEFAULT_NAME,
                "KeySchema", List.of(Map.of("AttributeName", ChatDetailsTable.CONNECTION_ID, "KeyType", "HASH")),
                "AttributeDefinitions", Match.arrayEquals(List.of(
                        Map.of("AttributeName", ChatDetailsTable.CONNECTION_ID, "AttributeType", "S"),
                        Map.of("AttributeName", ChatDetailsTable.ACTIVE_SHARD, "AttributeType", "S"),
                        Map.of("AttributeName", ChatDetailsTable.ACTIVE_USER, "AttributeType", "S"))),
                "GlobalSecondaryIndexes", List.of(
                        Map.of("IndexName", ChatDetailsTable.ACTIVE_CONNECTIONS_INDEX,
                                "KeySchema", List.of(
                                        Map.of("AttributeName", ChatDetailsTable.ACTIVE_SHARD, "KeyType", "HASH"),
                                        Map.of("AttributeName", ChatDetailsTable.CONNECTION_ID, "KeyType", "RANGE")),
                                "Projection", Map.of("ProjectionType", "INCLUDE", "NonKeyAttributes", connectionAndRooms)),
                        Map.of("IndexName", ChatDetailsTable.ACTIVE_USERS_INDEX,
                                "KeySchema", List.of(
                                        Map.of("AttributeName", ChatDetailsTable.ACTIVE_USER, "KeyType", "HASH"),
                                        Map.of("AttributeName", ChatDetailsTable.CONNECTION_ID, "KeyType", "RANGE")),
                                "Projection", Map.of("ProjectionType", "INCLUDE", "NonKeyAttributes", connection)))));
    }

    @Test
    void givenTheRoomsTableDefinition_synth_createsTheRoomsTableKeyedByRoomAndKeyWithoutIndexes() {
        Map<String, Object> rooms = parley.resource(parley.tableId(ChatRoomsTable.DEFAULT_NAME));

        assertThat(at(rooms, "Properties", "KeySchema")).isEqualTo(List.of(
                Map.of("AttributeName", ChatRoomsTable.ROOM, "KeyType", "HASH"),
                Map.of("AttributeName", ChatRoomsTable.KEY, "KeyType", "RANGE")));
        assertThat(at(rooms, "Properties", "AttributeDefinitions")).isEqualTo(List.of(
                Map.of("AttributeName", ChatRoomsTable.ROOM, "AttributeType", "S"),
                Map.of("AttributeName", ChatRoomsTable.KEY, "AttributeType", "S")));
        assertThat(at(rooms, "Properties", "GlobalSecondaryIndexes")).isNull();
    }

    @Test
    void givenTheHistoryTableDefinition_synth_createsTheHistoryTableKeyedByStreamAndSeqWithoutIndexes() {
        Map<String, Object> history = parley.resource(parley.tableId(ChatHistoryTable.DEFAULT_NAME));

        assertThat(at(history, "Properties", "KeySchema")).isEqualTo(List.of(
                Map.of("AttributeName", ChatHistoryTable.STREAM, "KeyType", "HASH"),
                Map.of("AttributeName", ChatHistoryTable.SEQ, "KeyType", "RANGE")));
        assertThat(at(history, "Properties", "AttributeDefinitions")).isEqualTo(List.of(
                Map.of("AttributeName", ChatHistoryTable.STREAM, "AttributeType", "S"),
                Map.of("AttributeName", ChatHistoryTable.SEQ, "AttributeType", "N")));
        assertThat(at(history, "Properties", "GlobalSecondaryIndexes")).isNull();
    }

    @Test
    void givenDefaults_synth_makesEveryTableOnDemandWithTtlPointInTimeRecoveryAndTheSameEncryptionAndRetainsThem() {
        Map<String, Map<String, Object>> tables = resources(template, "AWS::DynamoDB::Table");

        assertThat(tables.keySet()).containsExactlyInAnyOrder(
                parley.tableId(ChatDetailsTable.DEFAULT_NAME), parley.tableId(ChatRoomsTable.DEFAULT_NAME),
                parley.tableId(ChatHistoryTable.DEFAULT_NAME));
        tables.forEach((logicalId, table) -> {
            assertThat(at(table, "Properties", "BillingMode")).as(logicalId).isEqualTo("PAY_PER_REQUEST");
            assertThat(at(table, "Properties", "TimeToLiveSpecification")).as(logicalId)
                    .isEqualTo(Map.of("AttributeName", "ExpiresAt", "Enabled", true));
            assertThat(at(table, "Properties", "PointInTimeRecoverySpecification")).as(logicalId)
                    .isEqualTo(Map.of("PointInTimeRecoveryEnabled", true));
            assertThat(at(table, "Properties", "DeletionProtectionEnabled")).as(logicalId).isEqualTo(true);
            assertThat(table).as(logicalId)
                    .containsEntry("DeletionPolicy", "Retain").containsEntry("UpdateReplacePolicy", "Retain");
        });
        assertThat(tables.values()).extracting(table -> at(table, "Properties", "SSESpecification"))
                .as("encrypted alike: DynamoDB's own key").containsOnlyNulls();
    }

    @Test
    void givenEveryHandler_synth_runsItOnJava21Arm64WithSnapStartTheMeasuredJvmOptionsAndJsonLogs() {
        Map<String, String> functionIds = parley.functionIdsByHandler();

        assertThat(functionIds.keySet()).containsExactlyInAnyOrderElementsOf(allHandlers());
        functionIds.forEach((handler, functionId) -> {
            Map<String, Object> properties = map(at(parley.resource(functionId), "Properties"));
            assertThat(properties).as(handler)
                    .containsEntry("Runtime", "java21")
                    .containsEntry("Architectures", List.of("arm64"))
                    .containsEntry("MemorySize", DeploySettings.DEFAULT_MEMORY_SIZE)
                    .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
            // The options bench/cold-start.sh measures (its c1 setting), from the same owner.
            assertThat(map(at(properties, "Environment", "Variables"))).as(handler)
                    .containsEntry("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1");
            assertThat(at(properties, "LoggingConfig", "LogFormat")).as(handler).isEqualTo("JSON");
            String logGroupId = single(refsIn(at(properties, "LoggingConfig", "LogGroup")));
            assertThat(at(parley.resource(logGroupId), "Properties", "RetentionInDays")).as(handler).isEqualTo(30);
        });
    }

    @Test
    void givenFanOutHandlers_synth_givesThemTheIntegrationTimeoutAndTheOthersTenSeconds() {
        // Every handler that announces a presence or sends a message fans out; members and $default only answer.
        Map<String, Integer> expectedTimeouts = Map.ofEntries(
                Map.entry(WebSocketRoute.CONNECT.handler(), 29),
                Map.entry(WebSocketRoute.DISCONNECT.handler(), 29),
                Map.entry(WebSocketRoute.SEND_MESSAGE.handler(), 29),
                Map.entry(WebSocketRoute.JOIN.handler(), 29),
                Map.entry(WebSocketRoute.LEAVE.handler(), 29),
                Map.entry(WebSocketRoute.MEMBERS.handler(), 10),
                Map.entry(WebSocketRoute.HISTORY.handler(), 29),
                Map.entry(WebSocketRoute.DEFAULT.handler(), 10),
                Map.entry(BroadcastRoute.HANDLER, 29),
                Map.entry(BroadcastStatusRoute.HANDLER, 10),
                Map.entry(BroadcastWorkerRoute.HANDLER, (int) BroadcastWorkerRoute.FUNCTION_TIMEOUT.toSeconds()),
                Map.entry(AuthorizerHandler.HANDLER, 10),
                Map.entry(BroadcastAuthorizerHandler.HANDLER, 10));

        parley.functionIdsByHandler().forEach((handler, functionId) ->
                assertThat(at(parley.resource(functionId), "Properties", "Timeout")).as(handler)
                        .isEqualTo(expectedTimeouts.get(handler)));
    }

    @Test
    void givenEveryHandler_synth_publishesAVersionUnderTheAliasTheApisInvoke() {
        Map<String, Map<String, Object>> versions = resources(template, "AWS::Lambda::Version");
        Set<String> invokedFunctionNames = resources(template, "AWS::Lambda::Permission").values().stream()
                .peek(permission -> assertThat(at(permission, "Properties", "Principal")).isEqualTo("apigateway.amazonaws.com"))
                .flatMap(permission -> refsIn(at(permission, "Properties", "FunctionName")).stream())
                .collect(Collectors.toSet());

        parley.functionIdsByHandler().forEach((handler, functionId) -> {
            String aliasId = aliasOf(functionId);
            Map<String, Object> alias = parley.resource(aliasId);
            String versionId = (String) list(at(alias, "Properties", "FunctionVersion", "Fn::GetAtt")).get(0);
            assertThat(at(versions.get(versionId), "Properties", "FunctionName")).as(handler).isEqualTo(ref(functionId));
            if (handler.equals(BroadcastWorkerRoute.HANDLER)) {
                // The queue's event source invokes the worker, through its alias too (its test checks that).
                return;
            }
            assertThat(invokedFunctionNames).as(handler + " is invoked through its alias").contains(aliasId);
        });
        assertThat(invokedFunctionNames).doesNotContainAnyElementsOf(parley.functionIdsByHandler().values());
    }

    @Test
    void givenEveryChatHandler_synth_setsTheEnvironmentChatConfigurationReads() {
        String webSocketApiId = parley.logicalIdOf("AWS::ApiGatewayV2::Api");
        String tableId = parley.tableId(ChatDetailsTable.DEFAULT_NAME);
        String roomsTableId = parley.tableId(ChatRoomsTable.DEFAULT_NAME);
        Map<String, Object> callbackUrl = join("https://", ref(webSocketApiId), ".execute-api.", ref("AWS::Region"), ".",
                ref("AWS::URLSuffix"), "/" + WebSocketRoute.DEFAULT_STAGE);
        Map<String, Object> siteOrigin = join("https://", getAtt(parley.logicalIdOf("AWS::CloudFront::Distribution"), "DomainName"));

        parley.chatFunctionIdsByHandler().forEach((handler, functionId) -> {
            Map<String, Object> variables = map(at(parley.resource(functionId), "Properties", "Environment", "Variables"));
            // The worker paces to its share of the rate; the broadcast function alone is told the queue.
            boolean worker = handler.equals(BroadcastWorkerRoute.HANDLER);
            assertThat(variables).as(handler)
                    .containsEntry("TABLE_NAME", ref(tableId))
                    .containsEntry("ROOMS_TABLE_NAME", ref(roomsTableId))
                    .containsEntry("WEBSOCKET_CALLBACK_URL", callbackUrl)
                    .containsEntry("CONNECTION_RETENTION_DAYS", "30")
                    .containsEntry("ACTIVE_SHARDS", "4")
                    .containsEntry("CALLBACK_RATE_PER_SECOND", worker ? "1000" : "10000")
                    .containsEntry("CALLBACK_BURST", worker ? "500" : "5000")
                    .containsEntry("MAX_ROOMS_PER_CONNECTION", "20")
                    .containsEntry("MAX_CONNECTIONS_PER_USER", "5")
                    // The authorizer is deployed: $connect fails closed should it ever run without it.
                    .containsEntry("REQUIRE_AUTH", "true")
                    .containsEntry("HISTORY_TABLE_NAME", ref(parley.tableId(ChatHistoryTable.DEFAULT_NAME)))
                    .containsEntry("HISTORY_WINDOW", "1000")
                    .containsEntry("HISTORY_RETENTION", "7d")
                    .containsEntry("BROADCAST_INLINE_LIMIT", "2000")
                    .containsEntry("BROADCAST_PAGE_SIZE", "500");
            // Every function's configuration requires the origin, not only the broadcast's that answers with it.
            assertThat(variables).as(handler).hasSize(handler.equals(BroadcastRoute.HANDLER) ? 18 : 17)
                    .containsEntry("ALLOWED_ORIGIN", siteOrigin);
        });
    }

    @Test
    void givenEachFunctionsEnvironment_fromEnvironment_configuresItsHandlerWithTheDeployedResources() {
        String pagesQueueId = resources(template, "AWS::SQS::Queue").entrySet().stream()
                .filter(queue -> at(queue.getValue(), "Properties", "RedrivePolicy") != null)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        Map<String, String> deployed = Map.of(
                pagesQueueId, "https://sqs.eu-west-1.amazonaws.com/123456789012/parley-broadcast-pages",
                parley.tableId(ChatDetailsTable.DEFAULT_NAME), "chatDetails",
                parley.tableId(ChatRoomsTable.DEFAULT_NAME), "chatRooms",
                parley.tableId(ChatHistoryTable.DEFAULT_NAME), "chatHistory",
                parley.logicalIdOf("AWS::ApiGatewayV2::Api"), "a1b2c3d4e5",
                parley.logicalIdOf("AWS::CloudFront::Distribution") + ".DomainName", "d1234abcdefgh.cloudfront.net",
                "AWS::Region", "eu-west-1",
                "AWS::URLSuffix", "amazonaws.com");

        parley.chatFunctionIdsByHandler().forEach((handler, functionId) -> {
            Map<String, String> environment = new HashMap<>();
            map(at(parley.resource(functionId), "Properties", "Environment", "Variables"))
                    .forEach((name, value) -> environment.put(name, JsonTree.evaluate(value, deployed)));
            environment.put("AWS_REGION", "eu-west-1");

            ChatConfiguration configuration = ChatConfiguration.fromEnvironment(environment);

            assertThat(configuration.tableName()).as(handler).isEqualTo("chatDetails");
            assertThat(configuration.websocketCallbackUrl()).as(handler)
                    .isEqualTo(URI.create("https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/production"));
            assertThat(configuration.connectionRetention()).as(handler).isEqualTo(Duration.ofDays(30));
            assertThat(configuration.activeShards()).as(handler).isEqualTo(4);
            assertThat(configuration.callbackRate()).as(handler).isEqualTo(handler.equals(BroadcastWorkerRoute.HANDLER)
                    ? CallbackRate.ACCOUNT_DEFAULT.share(BroadcastWorkerRoute.MAX_CONCURRENCY) : CallbackRate.ACCOUNT_DEFAULT);
            assertThat(configuration.roomLimit()).as(handler).isEqualTo(RoomLimit.DEFAULT);
            assertThat(configuration.connectionLimit()).as(handler).isEqualTo(ConnectionLimit.DEFAULT);
            assertThat(configuration.requireAuth()).as(handler).isTrue();
            assertThat(configuration.history()).as(handler).isEqualTo(HistorySettings.DEFAULT);
            assertThat(configuration.dynamoDbEndpoint()).as(handler).isEmpty();
            assertThat(configuration.allowedOrigin()).as(handler).isEqualTo("https://d1234abcdefgh.cloudfront.net");
        });
    }

    @Test
    void givenTheBroadcastRoute_synth_requiresTheApiKeyOnPostAndAnswersPreflightsForTheSiteOnly() {
        String resourceId = resources(template, "AWS::ApiGateway::Resource").entrySet().stream()
                .filter(resource -> BroadcastRoute.RESOURCE.equals(at(resource.getValue(), "Properties", "PathPart")))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        Map<String, Object> siteOriginHeader = join("'https://",
                getAtt(parley.logicalIdOf("AWS::CloudFront::Distribution"), "DomainName"), "'");

        assertThat(at(parley.resource(resourceId), "Properties", "PathPart")).isEqualTo(BroadcastRoute.RESOURCE);
        parley.assertions.hasResourceProperties("AWS::ApiGateway::Method", Map.of(
                "HttpMethod", BroadcastRoute.METHOD,
                "ResourceId", ref(resourceId),
                "ApiKeyRequired", true,
                "Integration", Map.of(
                        "Type", "AWS_PROXY",
                        "Uri", join(Match.anyValue(), Match.anyValue(), Match.anyValue(), Match.anyValue(), Match.anyValue(),
                                ref(aliasOf(parley.functionIdsByHandler().get(BroadcastRoute.HANDLER))), "/invocations"))));
        parley.assertions.hasResourceProperties("AWS::ApiGateway::Method", Map.of(
                "HttpMethod", "OPTIONS",
                "Integration", Map.of("IntegrationResponses", List.of(Map.of("ResponseParameters", Map.of(
                        "method.response.header.Access-Control-Allow-Origin", siteOriginHeader,
                        "method.response.header.Access-Control-Allow-Headers", "'Content-Type,X-Api-Key,Authorization,Prefer'",
                        "method.response.header.Access-Control-Allow-Methods", "'POST'"))))));
        for (String type : List.of("DEFAULT_4XX", "DEFAULT_5XX")) {
            parley.assertions.hasResourceProperties("AWS::ApiGateway::GatewayResponse", Map.of(
                    "ResponseType", type,
                    "ResponseParameters", Map.of("gatewayresponse.header.Access-Control-Allow-Origin", siteOriginHeader)));
        }
    }

    @Test
    void givenTheBroadcastKey_synth_boundsItWithAUsagePlanOnTheDevStage() {
        String stageId = parley.logicalIdOf("AWS::ApiGateway::Stage");

        parley.assertions.hasResourceProperties("AWS::ApiGateway::Stage", Map.of(
                "StageName", BroadcastRoute.DEFAULT_STAGE,
                "AccessLogSetting", Map.of("DestinationArn", Match.anyValue(), "Format", Match.anyValue()),
                "MethodSettings", Match.arrayWith(List.of(Map.of(
                        "HttpMethod", "*", "ResourcePath", "/*", "LoggingLevel", "ERROR", "DataTraceEnabled", false,
                        "ThrottlingRateLimit", 10, "ThrottlingBurstLimit", 20), Match.objectLike(Map.of(
                        "HttpMethod", "POST", "ResourcePath", "/~1" + BroadcastRoute.RESOURCE,
                        "ThrottlingRateLimit", 1, "ThrottlingBurstLimit", 5))))));
        parley.assertions.hasResourceProperties("AWS::ApiGateway::UsagePlan", Map.of(
                "ApiStages", List.of(Map.of("ApiId", ref(parley.logicalIdOf("AWS::ApiGateway::RestApi")), "Stage", ref(stageId),
                        "Throttle", Map.of())),
                "Throttle", Map.of("RateLimit", 1, "BurstLimit", 5),
                "Quota", Map.of("Limit", 1000, "Period", "DAY")));
        parley.assertions.hasResourceProperties("AWS::ApiGateway::UsagePlanKey", Map.of(
                "KeyId", ref(parley.logicalIdOf("AWS::ApiGateway::ApiKey")),
                "KeyType", "API_KEY",
                "UsagePlanId", ref(parley.logicalIdOf("AWS::ApiGateway::UsagePlan"))));
        assertThat(at(parley.resource(parley.logicalIdOf("AWS::ApiGateway::ApiKey")), "Properties", "Value"))
                .as("the key's value is generated by API Gateway, never written into the template").isNull();
    }

    @Test
    void givenTheWebPages_synth_servesThePrivateBucketOnlyThroughCloudFrontOverHttps() {
        String bucketId = parley.logicalIdOf("AWS::S3::Bucket");
        String distributionId = parley.logicalIdOf("AWS::CloudFront::Distribution");

        parley.assertions.hasResourceProperties("AWS::S3::Bucket", Map.of("PublicAccessBlockConfiguration", Map.of(
                "BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true)));
        parley.assertions.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Map.of(
                "DefaultRootObject", DeploySettings.INDEX_PAGE,
                "DefaultCacheBehavior", Map.of("ViewerProtocolPolicy", "redirect-to-https"),
                "Origins", List.of(Map.of(
                        "DomainName", getAtt(bucketId, "RegionalDomainName"),
                        "OriginAccessControlId", getAtt(parley.logicalIdOf("AWS::CloudFront::OriginAccessControl"), "Id"),
                        "S3OriginConfig", Map.of("OriginAccessIdentity", ""))))));
        parley.assertions.hasResourceProperties("AWS::S3::BucketPolicy", Map.of(
                "Bucket", ref(bucketId),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                        Map.of("Effect", "Deny", "Action", "s3:*", "Principal", Map.of("AWS", "*"),
                                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")), "Resource", Match.anyValue()),
                        Map.of("Effect", "Allow", "Action", "s3:GetObject",
                                "Principal", Map.of("Service", "cloudfront.amazonaws.com"),
                                "Condition", Map.of("StringEquals", Map.of("AWS:SourceArn", Match.objectLike(Map.of()))),
                                "Resource", Match.anyValue()))))));
        assertThat(refsIn(at(JsonTree.single(template, "AWS::S3::BucketPolicy").getValue(), "Properties", "PolicyDocument")))
                .as("the read grant names this distribution").contains(distributionId);
    }

    @Test
    void givenTheWebPages_synth_servesThemWithAContentSecurityPolicyAllowingOnlyTheTwoApisAndTheSecurityHeaders() {
        String policyId = parley.logicalIdOf("AWS::CloudFront::ResponseHeadersPolicy");
        Map<String, Object> headers = map(at(parley.resource(policyId), "Properties", "ResponseHeadersPolicyConfig",
                "SecurityHeadersConfig"));

        assertThat(at(headers, "ContentSecurityPolicy")).isEqualTo(Map.of("Override", true, "ContentSecurityPolicy", join(
                "default-src 'self'; connect-src 'self' wss://", ref(parley.logicalIdOf("AWS::ApiGatewayV2::Api")),
                ".execute-api.", ref("AWS::Region"), ".", ref("AWS::URLSuffix"), "/" + WebSocketRoute.DEFAULT_STAGE
                        + " https://", ref(parley.logicalIdOf("AWS::ApiGateway::RestApi")), ".execute-api.",
                ref("AWS::Region"), ".", ref("AWS::URLSuffix"), "/" + BroadcastRoute.DEFAULT_STAGE + "/"
                        + BroadcastRoute.RESOURCE + " https://", ref(parley.logicalIdOf("AWS::ApiGateway::RestApi")),
                ".execute-api.", ref("AWS::Region"), ".", ref("AWS::URLSuffix"), "/" + BroadcastRoute.DEFAULT_STAGE
                        + "/" + BroadcastStatusRoute.RESOURCE_PARENT + "/; object-src 'none'; frame-ancestors 'none';"
                        + " base-uri 'none'; form-action 'self'")));
        assertThat(headers).containsEntry("FrameOptions", Map.of("FrameOption", "DENY", "Override", true))
                .containsEntry("ContentTypeOptions", Map.of("Override", true))
                .containsEntry("StrictTransportSecurity", Map.of("AccessControlMaxAgeSec", 31_536_000, "Override", true))
                .containsEntry("ReferrerPolicy", Map.of("ReferrerPolicy", "strict-origin-when-cross-origin", "Override", true))
                .containsKey("XSSProtection");
        assertThat(at(JsonTree.single(template, "AWS::CloudFront::Distribution").getValue(), "Properties",
                "DistributionConfig", "DefaultCacheBehavior", "ResponseHeadersPolicyId")).isEqualTo(ref(policyId));
    }

    @Test
    void givenTheDeployment_synth_writesConfigJsonFromTheStacksOwnEndpoints() throws IOException {
        Map<String, Object> deployment = JsonTree.single(template, "Custom::CDKBucketDeployment").getValue();
        Map<String, Object> markers = list(at(deployment, "Properties", "SourceMarkers")).stream()
                .map(JsonTree::map)
                .filter(sourceMarkers -> !sourceMarkers.isEmpty())
                .findFirst().orElseThrow();
        // The deployment replaces each marker with its value, quotes included: quoted here, the file parses as JSON.
        Map<String, Object> config = JSON.std.mapFrom(
                Files.readString(stagedConfigJson()).replaceAll("(<<marker:0xbaba:\\d+>>)", "\"$1\""));

        assertThat(config).containsOnlyKeys("websocketUrl", "broadcastUrl");
        assertThat(markers.get((String) config.get("websocketUrl"))).isEqualTo(join("\"wss://",
                ref(parley.logicalIdOf("AWS::ApiGatewayV2::Api")), ".execute-api.", ref("AWS::Region"), ".",
                ref("AWS::URLSuffix"), "/" + WebSocketRoute.DEFAULT_STAGE + "\""));
        assertThat(markers.get((String) config.get("broadcastUrl"))).isEqualTo(join("\"https://",
                ref(parley.logicalIdOf("AWS::ApiGateway::RestApi")), ".execute-api.", ref("AWS::Region"), ".",
                ref("AWS::URLSuffix"), "/" + BroadcastRoute.DEFAULT_STAGE + "/" + BroadcastRoute.RESOURCE + "\""));
        assertThat(at(deployment, "Properties", "DistributionPaths")).isEqualTo(List.of("/*"));
    }

    @Test
    void givenDefaults_synth_outputsTheThreeUrlsTheKeyIdAndTheSecretArnOnly() {
        Map<String, Object> outputs = map(template.get("Outputs"));

        assertThat(outputs).containsOnlyKeys("WebSocketUrl", "BroadcastUrl", "SiteUrl", "BroadcastApiKeyId", "AuthSecretArn");
        assertThat(at(outputs, "WebSocketUrl", "Value")).isEqualTo(join("wss://",
                ref(parley.logicalIdOf("AWS::ApiGatewayV2::Api")), ".execute-api.", ref("AWS::Region"), ".",
                ref("AWS::URLSuffix"), "/" + WebSocketRoute.DEFAULT_STAGE));
        assertThat(at(outputs, "BroadcastUrl", "Value")).isEqualTo(join("https://",
                ref(parley.logicalIdOf("AWS::ApiGateway::RestApi")), ".execute-api.", ref("AWS::Region"), ".",
                ref("AWS::URLSuffix"), "/" + BroadcastRoute.DEFAULT_STAGE + "/" + BroadcastRoute.RESOURCE));
        assertThat(at(outputs, "SiteUrl", "Value"))
                .isEqualTo(join("https://", getAtt(parley.logicalIdOf("AWS::CloudFront::Distribution"), "DomainName")));
        assertThat(at(outputs, "BroadcastApiKeyId", "Value")).isEqualTo(ref(parley.logicalIdOf("AWS::ApiGateway::ApiKey")));
        assertThat(at(outputs, "AuthSecretArn", "Value")).isEqualTo(ref(parley.logicalIdOf("AWS::SecretsManager::Secret")));
    }

    @Test
    void givenRetainedData_synth_keepsEveryLogGroupForAMonthAndOnDelete() {
        resources(template, "AWS::Logs::LogGroup").forEach((logicalId, logGroup) -> {
            assertThat(at(logGroup, "Properties", "RetentionInDays")).as(logicalId).isEqualTo(30);
            assertThat(logGroup).as(logicalId).containsEntry("DeletionPolicy", "Retain");
        });
    }

    /** The config.json CDK staged as an asset, with a marker where each token's value goes. */
    private static Path stagedConfigJson() throws IOException {
        try (Stream<Path> files = Files.walk(parley.outdir)) {
            return JsonTree.singleItem(files.filter(file -> file.getFileName().toString().equals(ChatSite.CONFIG_FILE)).toList());
        }
    }

    private static Map.Entry<String, Map<String, Object>> routeFor(String routeKey) {
        return resources(template, "AWS::ApiGatewayV2::Route").entrySet().stream()
                .filter(route -> routeKey.equals(at(route.getValue(), "Properties", "RouteKey")))
                .findFirst().orElseThrow(() -> new AssertionError("no route " + routeKey));
    }

    private static String aliasOf(String functionId) {
        return resources(template, "AWS::Lambda::Alias").entrySet().stream()
                .filter(alias -> ref(functionId).equals(at(alias.getValue(), "Properties", "FunctionName")))
                .peek(alias -> assertThat(at(alias.getValue(), "Properties", "Name")).isEqualTo(ALIAS_NAME))
                .map(Map.Entry::getKey)
                .collect(Collectors.collectingAndThen(Collectors.toList(), JsonTree::singleItem));
    }

    private static String single(Set<String> refs) {
        return JsonTree.singleItem(List.copyOf(refs));
    }

    @Test
    void givenTheStatusRoute_synth_requiresTheApiKeyOnGetBelowBroadcastsAndInvokesTheStatusAlias() {
        Map<String, Map<String, Object>> apiResources = resources(template, "AWS::ApiGateway::Resource");
        String parentId = apiResources.entrySet().stream()
                .filter(resource -> BroadcastStatusRoute.RESOURCE_PARENT.equals(at(resource.getValue(), "Properties", "PathPart")))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        String statusId = apiResources.entrySet().stream()
                .filter(resource -> ref(parentId).equals(at(resource.getValue(), "Properties", "ParentId")))
                .map(Map.Entry::getKey).findFirst().orElseThrow();

        assertThat(at(parley.resource(statusId), "Properties", "PathPart"))
                .isEqualTo("{" + BroadcastStatusRoute.PATH_PARAMETER + "}");
        parley.assertions.hasResourceProperties("AWS::ApiGateway::Method", Map.of(
                "HttpMethod", BroadcastStatusRoute.METHOD,
                "ResourceId", ref(statusId),
                "ApiKeyRequired", true,
                "AuthorizationType", "CUSTOM",
                "Integration", Map.of(
                        "Type", "AWS_PROXY",
                        "Uri", join(Match.anyValue(), Match.anyValue(), Match.anyValue(), Match.anyValue(), Match.anyValue(),
                                ref(aliasOf(parley.functionIdsByHandler().get(BroadcastStatusRoute.HANDLER))),
                                "/invocations"))));
    }

    @Test
    void givenTheBroadcastQueue_synth_encryptsBothQueuesRedrivesAfterMaxReceivesAndAlarmsOnTheDeadLetters() {
        Map<String, Map<String, Object>> queues = resources(template, "AWS::SQS::Queue");
        Map.Entry<String, Map<String, Object>> pages = queues.entrySet().stream()
                .filter(queue -> at(queue.getValue(), "Properties", "RedrivePolicy") != null).findFirst().orElseThrow();
        String deadLettersId = queues.keySet().stream().filter(id -> !id.equals(pages.getKey())).findFirst().orElseThrow();

        assertThat(queues.values()).allSatisfy(queue ->
                assertThat(at(queue, "Properties", "SqsManagedSseEnabled")).isEqualTo(true));
        assertThat(at(pages.getValue(), "Properties", "VisibilityTimeout"))
                .isEqualTo((int) BroadcastWorkerRoute.VISIBILITY_TIMEOUT.toSeconds());
        assertThat(at(pages.getValue(), "Properties", "RedrivePolicy")).isEqualTo(Map.of(
                "deadLetterTargetArn", getAtt(deadLettersId, "Arn"),
                "maxReceiveCount", BroadcastWorkerRoute.MAX_RECEIVE_COUNT));
        assertThat(resources(template, "AWS::SQS::QueuePolicy").values()).as("TLS only, on both queues").hasSize(2)
                .allSatisfy(policy -> assertThat(String.valueOf(at(policy, "Properties", "PolicyDocument")))
                        .contains("aws:SecureTransport"));
        parley.assertions.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "ApproximateNumberOfMessagesVisible",
                "Namespace", "AWS/SQS",
                "Dimensions", List.of(Map.of("Name", "QueueName", "Value", getAtt(deadLettersId, "QueueName"))),
                "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "Threshold", 1,
                "EvaluationPeriods", 1));
    }

    @Test
    void givenTheWorker_synth_feedsItsAliasBatchesOfPagesWithPartialFailuresAtItsShareOfTheRate() {
        String workerId = parley.functionIdsByHandler().get(BroadcastWorkerRoute.HANDLER);
        String pagesId = resources(template, "AWS::SQS::Queue").entrySet().stream()
                .filter(queue -> at(queue.getValue(), "Properties", "RedrivePolicy") != null)
                .map(Map.Entry::getKey).findFirst().orElseThrow();

        parley.assertions.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "EventSourceArn", getAtt(pagesId, "Arn"),
                // The alias's name, "<function name>:live": the published, snapshotted version.
                "FunctionName", join(Map.of("Fn::Select", List.of(6, Map.of("Fn::Split", List.of(":",
                        ref(aliasOf(workerId)))))), ":" + ChatFunction.ALIAS),
                "BatchSize", BroadcastWorkerRoute.BATCH_SIZE,
                "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                "ScalingConfig", Map.of("MaximumConcurrency", BroadcastWorkerRoute.MAX_CONCURRENCY)));
        Map<String, Object> variables = map(at(parley.resource(workerId), "Properties", "Environment", "Variables"));
        assertThat(variables).containsEntry("CALLBACK_RATE_PER_SECOND", "1000").containsEntry("CALLBACK_BURST", "500");
        Map<String, Object> broadcastVariables = map(at(parley.resource(
                parley.functionIdsByHandler().get(BroadcastRoute.HANDLER)), "Properties", "Environment", "Variables"));
        assertThat(broadcastVariables).containsEntry("BROADCAST_QUEUE_URL", ref(pagesId))
                .containsEntry("BROADCAST_INLINE_LIMIT", "2000").containsEntry("BROADCAST_PAGE_SIZE", "500")
                .containsEntry("CALLBACK_RATE_PER_SECOND", "10000");
    }

    static List<String> allHandlers() {
        return Stream.concat(Arrays.stream(WebSocketRoute.values()).map(WebSocketRoute::handler),
                Stream.of(BroadcastRoute.HANDLER, BroadcastStatusRoute.HANDLER, BroadcastWorkerRoute.HANDLER,
                        AuthorizerHandler.HANDLER, BroadcastAuthorizerHandler.HANDLER)).toList();
    }
}
