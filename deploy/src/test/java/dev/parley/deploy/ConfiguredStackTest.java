package dev.parley.deploy;

import static dev.parley.deploy.JsonTree.at;
import static dev.parley.deploy.JsonTree.join;
import static dev.parley.deploy.JsonTree.map;
import static dev.parley.deploy.JsonTree.ref;
import static dev.parley.deploy.JsonTree.resources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.adapter.in.lambda.BroadcastWorkerRoute;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The context reaches every place it configures. */
class ConfiguredStackTest {

    private static SynthesizedParley parley;

    @BeforeAll
    static void synthesize() {
        parley = SynthesizedParley.synthesize("configured", Map.ofEntries(
                Map.entry(DeploySettings.WEBSOCKET_STAGE, "live"),
                Map.entry(DeploySettings.BROADCAST_STAGE, "ops"),
                Map.entry("tableName", "parley-staging.chat"),
                Map.entry("roomsTableName", "parley-staging.rooms"),
                Map.entry("connectionRetentionDays", "7"),
                Map.entry(DeploySettings.MEMORY_SIZE, "2048"),
                Map.entry("activeShards", "8"),
                Map.entry("callbackRatePerSecond", "2500"),
                Map.entry("callbackBurst", "1250"),
                Map.entry("maxRoomsPerConnection", "50"),
                Map.entry("maxConnectionsPerUser", "2"),
                Map.entry(DeploySettings.REMOVAL_POLICY, "destroy"),
                Map.entry(DeploySettings.AUTHORIZATION, "false")));
    }

    @Test
    void givenStageNames_synth_namesTheStagesAndBuildsTheUrlsWithThem() {
        String webSocketApiId = parley.logicalIdOf("AWS::ApiGatewayV2::Api");

        parley.assertions.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of("StageName", "live"));
        parley.assertions.hasResourceProperties("AWS::ApiGateway::Stage", Map.of("StageName", "ops"));
        assertThat(at(map(parley.template.get("Outputs")), "WebSocketUrl", "Value")).isEqualTo(join("wss://",
                ref(webSocketApiId), ".execute-api.", ref("AWS::Region"), ".", ref("AWS::URLSuffix"), "/live"));
        parley.chatFunctionIdsByHandler().forEach((handler, functionId) ->
                assertThat(at(parley.resource(functionId), "Properties", "Environment", "Variables", "WEBSOCKET_CALLBACK_URL"))
                        .as(handler)
                        .isEqualTo(join("https://", ref(webSocketApiId), ".execute-api.", ref("AWS::Region"), ".",
                                ref("AWS::URLSuffix"), "/live")));
    }

    @Test
    void givenTableNamesRetentionShardsCallbackRateAndRoomLimit_synth_namesTheTablesAndTellsEveryHandler() {
        parley.assertions.hasResourceProperties("AWS::DynamoDB::Table", Map.of("TableName", "parley-staging.chat"));
        parley.assertions.hasResourceProperties("AWS::DynamoDB::Table", Map.of("TableName", "parley-staging.rooms"));
        parley.chatFunctionIdsByHandler().forEach((handler, functionId) -> {
            Map<String, Object> properties = map(at(parley.resource(functionId), "Properties"));
            // The broadcast worker paces to its share of the configured rate (ADR 0011).
            boolean worker = handler.equals(BroadcastWorkerRoute.HANDLER);
            assertThat(properties.get("MemorySize")).as(handler).isEqualTo(2048);
            assertThat(map(at(properties, "Environment", "Variables"))).as(handler)
                    .containsEntry("TABLE_NAME", ref(parley.tableId("parley-staging.chat")))
                    .containsEntry("ROOMS_TABLE_NAME", ref(parley.tableId("parley-staging.rooms")))
                    .containsEntry("CONNECTION_RETENTION_DAYS", "7")
                    .containsEntry("ACTIVE_SHARDS", "8")
                    .containsEntry("CALLBACK_RATE_PER_SECOND", worker ? "250" : "2500")
                    .containsEntry("CALLBACK_BURST", worker ? "125" : "1250")
                    .containsEntry("MAX_ROOMS_PER_CONNECTION", "50")
                    .containsEntry("MAX_CONNECTIONS_PER_USER", "2");
        });
    }

    /** Two connections a user at 10 frames a second, bursts of 20: the routes clients can flood take 20 a second. */
    @Test
    void givenAConnectionLimit_synth_sizesTheRouteThrottlesFromIt() {
        Map<String, Object> settings = map(at(parley.resource(parley.logicalIdOf("AWS::ApiGatewayV2::Stage")),
                "Properties", "RouteSettings"));

        assertThat(settings).containsEntry("$default", Map.of("ThrottlingRateLimit", 20, "ThrottlingBurstLimit", 40))
                .containsEntry("$connect", Map.of("ThrottlingRateLimit", 20, "ThrottlingBurstLimit", 40))
                .containsEntry("history", Map.of("ThrottlingRateLimit", 20, "ThrottlingBurstLimit", 40))
                .containsEntry("sendMessage", Map.of("ThrottlingRateLimit", 100, "ThrottlingBurstLimit", 200))
                .doesNotContainKey("$disconnect");
    }

    @Test
    void givenRemovalPolicyDestroy_synth_deletesTheTablesAndLogsWithTheStack() {
        Map<String, Map<String, Object>> tables = resources(parley.template, "AWS::DynamoDB::Table");

        assertThat(tables).hasSize(3);
        tables.forEach((logicalId, table) -> {
            assertThat(table).as(logicalId)
                    .containsEntry("DeletionPolicy", "Delete").containsEntry("UpdateReplacePolicy", "Delete");
            assertThat(at(table, "Properties", "DeletionProtectionEnabled")).as(logicalId).isEqualTo(false);
        });
        resources(parley.template, "AWS::Logs::LogGroup").forEach((logicalId, logGroup) ->
                assertThat(logGroup).as(logicalId).containsEntry("DeletionPolicy", "Delete"));
    }
}
