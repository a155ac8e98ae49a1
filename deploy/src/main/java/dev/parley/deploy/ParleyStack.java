package dev.parley.deploy;

import dev.parley.chat.adapter.in.lambda.BroadcastRoute;
import dev.parley.chat.adapter.in.lambda.BroadcastStatusRoute;
import dev.parley.chat.adapter.in.lambda.BroadcastWorkerRoute;
import dev.parley.chat.adapter.in.lambda.WebSocketRoute;
import dev.parley.chat.settings.aws.CallbackSettings;
import dev.parley.chat.settings.aws.CorsSettings;
import dev.parley.chat.settings.SendRateSettings;
import dev.parley.chat.settings.dynamodb.HistorySettings;
import dev.parley.chat.settings.dynamodb.TableSettings;
import dev.parley.chat.wiring.ChatConfiguration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.constructs.Construct;

/** Parley on AWS: the tables, the WebSocket chat, the broadcast endpoint and the web pages, wired to each other. */
final class ParleyStack extends Stack {

    static final String WEBSOCKET_URL_OUTPUT = "WebSocketUrl";
    static final String BROADCAST_URL_OUTPUT = "BroadcastUrl";
    static final String BROADCAST_API_KEY_ID_OUTPUT = "BroadcastApiKeyId";
    static final String SITE_URL_OUTPUT = "SiteUrl";
    static final String AUTH_SECRET_ARN_OUTPUT = "AuthSecretArn";

    ParleyStack(Construct scope, String id, DeploySettings settings) {
        super(scope, id, StackProps.builder()
                .description("Parley: serverless WebSocket chat and broadcast (API Gateway, Lambda, DynamoDB)")
                .build());
        var table = new DeployedChatDetailsTable(this, "ChatDetails", settings.table().tableName(), settings.dataRemovalPolicy());
        var roomsTable = new DeployedChatRoomsTable(this, "ChatRooms", settings.table().roomsTableName(),
                settings.dataRemovalPolicy());
        var historyTable = new DeployedChatHistoryTable(this, "ChatHistory", settings.history().tableName(),
                settings.dataRemovalPolicy());
        var apiGatewayLogging = new ApiGatewayLogging(this, "ApiGatewayLogging");
        var chat = new ChatWebSocketApi(this, "Chat", settings.webSocketStage(), apiGatewayLogging,
                settings.dataRemovalPolicy(), SendRateSettings.DEFAULT, settings.connectionLimit());

        Map<String, String> environment = new HashMap<>(settings.functionEnvironment());
        // The tables' references resolve to the same names, and make CloudFormation create the tables first.
        environment.put(TableSettings.TABLE_NAME.variable(), table.table().getTableName());
        environment.put(TableSettings.ROOMS_TABLE_NAME.variable(), roomsTable.table().getTableName());
        environment.put(HistorySettings.HISTORY_TABLE_NAME.variable(), historyTable.table().getTableName());
        environment.put(ChatConfiguration.CALLBACK_URL_VARIABLE, chat.callbackUrl());
        var blueprint = new ChatFunction.Blueprint(
                Code.fromAsset(settings.lambdaJar().toString()),
                settings.memorySize(),
                settings.dataRemovalPolicy(),
                table,
                roomsTable,
                historyTable,
                environment,
                chat.manageConnectionsArn());
        Optional<ConnectAuthorization> authorization = settings.authorization()
                ? Optional.of(new ConnectAuthorization(this, "Authorization", blueprint, settings.tokenRules()))
                : Optional.empty();
        // Every function reads ALLOWED_ORIGIN with its configuration, which refuses to fall back on any origin.
        var site = new ChatSite(this, "Site");
        Map<String, String> origin = Map.of(CorsSettings.ALLOWED_ORIGIN.variable(), site.origin());
        for (WebSocketRoute route : WebSocketRoute.values()) {
            var function = new ChatFunction(this, route.handler(), HandlerAccess.of(route), origin, blueprint);
            chat.route(route, function.alias(), authorization.map(ConnectAuthorization::authorizer));
        }

        var pagesQueue = new BroadcastPagesQueue(this, "BroadcastQueue");
        Map<String, String> broadcastEnvironment = new HashMap<>(origin);
        broadcastEnvironment.put(ChatConfiguration.BROADCAST_QUEUE_URL_VARIABLE, pagesQueue.pages().getQueueUrl());
        var broadcastFunction = new ChatFunction(this, BroadcastRoute.HANDLER, HandlerAccess.BROADCAST,
                broadcastEnvironment, blueprint);
        // SendMessageBatch is authorized as SendMessage: the one SQS action the broadcast function needs.
        broadcastFunction.allow(List.of("sqs:SendMessage"), pagesQueue.pages().getQueueArn());
        var statusFunction = new ChatFunction(this, BroadcastStatusRoute.HANDLER, HandlerAccess.BROADCAST_STATUS, origin,
                blueprint);
        // Each worker paces its sends to its share of the account's rate, so that together they stay within it (ADR 0011).
        Map<String, String> workerEnvironment = new HashMap<>(origin);
        workerEnvironment.putAll(CallbackSettings.toEnvironment(
                settings.callbackRate().share(BroadcastWorkerRoute.MAX_CONCURRENCY)));
        var worker = new ChatFunction(this, BroadcastWorkerRoute.HANDLER, HandlerAccess.BROADCAST_WORKER,
                workerEnvironment, blueprint, Duration.seconds(BroadcastWorkerRoute.FUNCTION_TIMEOUT.toSeconds()));
        worker.alias().addEventSource(SqsEventSource.Builder.create(pagesQueue.pages())
                .batchSize(BroadcastWorkerRoute.BATCH_SIZE)
                .maxConcurrency(BroadcastWorkerRoute.MAX_CONCURRENCY)
                .reportBatchItemFailures(true)
                .build());
        var broadcast = new BroadcastApi(this, "Broadcast", settings.broadcastStage(), broadcastFunction.alias(),
                statusFunction.alias(), site.origin(), authorization.map(ConnectAuthorization::broadcastAuthorizer),
                apiGatewayLogging, settings.dataRemovalPolicy());
        site.publish(settings.webRoot(), chat.url(), broadcast.url(), settings.dataRemovalPolicy());

        output(WEBSOCKET_URL_OUTPUT, chat.url(), "Connect chat clients here (npx wscat -c URL)");
        output(BROADCAST_URL_OUTPUT, broadcast.url(), "POST {\"message\":\"...\"} here with the X-Api-Key header");
        output(BROADCAST_API_KEY_ID_OUTPUT, broadcast.apiKeyId(),
                "aws apigateway get-api-key --include-value --api-key ID prints the broadcast key");
        output(SITE_URL_OUTPUT, site.origin(), "The chat and broadcast pages");
        authorization.ifPresent(connect -> output(AUTH_SECRET_ARN_OUTPUT, connect.secretArn(),
                "aws secretsmanager get-secret-value --query SecretString --output text --secret-id ARN prints the"
                        + " secret that signs connection tokens"));
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
