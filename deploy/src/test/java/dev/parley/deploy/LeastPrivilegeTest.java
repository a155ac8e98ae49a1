package dev.parley.deploy;

import static dev.parley.deploy.JsonTree.at;
import static dev.parley.deploy.JsonTree.getAtt;
import static dev.parley.deploy.JsonTree.join;
import static dev.parley.deploy.JsonTree.list;
import static dev.parley.deploy.JsonTree.map;
import static dev.parley.deploy.JsonTree.oneOrMany;
import static dev.parley.deploy.JsonTree.ref;
import static dev.parley.deploy.JsonTree.refsIn;
import static dev.parley.deploy.JsonTree.resources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.adapter.out.dynamodb.ChatDetailsTable;
import dev.parley.chat.adapter.out.dynamodb.ChatHistoryTable;
import dev.parley.chat.adapter.out.dynamodb.ChatRoomsTable;
import dev.parley.chat.adapter.in.lambda.BroadcastRoute;
import dev.parley.chat.adapter.in.lambda.BroadcastStatusRoute;
import dev.parley.chat.adapter.in.lambda.BroadcastWorkerRoute;
import dev.parley.chat.adapter.in.lambda.WebSocketRoute;
import dev.parley.chat.adapter.in.lambda.authorizer.AuthorizerHandler;
import dev.parley.chat.adapter.in.lambda.authorizer.BroadcastAuthorizerHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every grant in the template, against what the handlers' code calls (read from chat-lambda and its adapters). */
class LeastPrivilegeTest {

    private static final String TABLE = "table";
    private static final String INDEX = "index";
    private static final String USERS_INDEX = "users index";
    private static final String ROOMS = "rooms table";
    private static final String HISTORY = "history table";

    private static SynthesizedParley parley;
    private static List<Statement> statements;

    /** One IAM statement and the role it is attached to. */
    record Statement(String roleId, List<String> actions, List<Object> resources) {}

    @BeforeAll
    static void synthesize() {
        parley = SynthesizedParley.defaults();
        statements = allStatements();
    }

    @Test
    void givenEveryPolicy_synth_grantsNoWildcardAction() {
        assertThat(statements).isNotEmpty();
        for (Statement statement : statements) {
            assertThat(statement.actions()).as("actions of a statement on " + statement.roleId())
                    .allSatisfy(action -> assertThat(action)
                            .isNotEqualTo("*")
                            .doesNotMatch("^[^:]*:\\*$")
                            .doesNotStartWith("*:"));
        }
    }

    @Test
    void givenEveryRole_synth_attachesNoFullAccessAndOnlyTheTwoServiceRolePolicies() {
        Set<String> managedPolicies = resources(parley.template, "AWS::IAM::Role").values().stream()
                .map(role -> at(role, "Properties", "ManagedPolicyArns"))
                .filter(arns -> arns != null)
                .flatMap(arns -> list(arns).stream())
                .map(arn -> String.valueOf(list(at(arn, "Fn::Join")).get(1)))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(managedPolicies).noneMatch(policy -> policy.contains("FullAccess"));
        assertThat(managedPolicies).hasSize(2).allSatisfy(policy -> assertThat(policy).containsAnyOf(
                ":iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs",
                ":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
        assertThat(resources(parley.template, "AWS::IAM::ManagedPolicy")).isEmpty();
    }

    /**
     * The calls of ADR 0008's "What each operation calls", summed over the registry methods each handler's use case
     * calls. Every handler that sends may find recipients gone, and then marks them, reads and leaves their rooms and
     * announces each leave: the cleanup's calls are in all of those.
     */
    @Test
    void givenEachHandler_synth_grantsExactlyTheDynamoDbCallsItsCodeMakes() {
        // The cleanup gives back a gone connection's place: a limit item of the table, read, then put conditionally.
        Map<String, Set<String>> cleanup = Map.of(
                "dynamodb:PutItem", Set.of(TABLE),
                "dynamodb:GetItem", Set.of(TABLE, ROOMS),
                "dynamodb:UpdateItem", Set.of(TABLE, ROOMS),
                "dynamodb:DeleteItem", Set.of(ROOMS),
                "dynamodb:Query", Set.of(INDEX, ROOMS));
        // Every frame a client sends is charged to its sender's allowance, a limit item of the table.
        Map<String, Set<String>> charge = Map.of(
                "dynamodb:PutItem", Set.of(TABLE),
                "dynamodb:GetItem", Set.of(TABLE));
        Map<String, Map<String, Set<String>>> expected = Map.ofEntries(
                Map.entry(WebSocketRoute.CONNECT.handler(), Map.of(
                        "dynamodb:PutItem", Set.of(TABLE, ROOMS),
                        "dynamodb:GetItem", Set.of(TABLE, ROOMS),
                        "dynamodb:UpdateItem", Set.of(TABLE, ROOMS),
                        "dynamodb:DeleteItem", Set.of(ROOMS),
                        "dynamodb:Query", Set.of(INDEX, ROOMS))),
                Map.entry(WebSocketRoute.DISCONNECT.handler(), cleanup),
                Map.entry(WebSocketRoute.SEND_MESSAGE.handler(), Map.of(
                        "dynamodb:PutItem", Set.of(TABLE, HISTORY),
                        "dynamodb:GetItem", Set.of(TABLE, ROOMS, HISTORY),
                        "dynamodb:UpdateItem", Set.of(TABLE, ROOMS, HISTORY),
                        "dynamodb:DeleteItem", Set.of(ROOMS, HISTORY),
                        "dynamodb:Query", Set.of(INDEX, USERS_INDEX, ROOMS))),
                Map.entry(WebSocketRoute.JOIN.handler(), Map.of(
                        "dynamodb:PutItem", Set.of(TABLE, ROOMS, HISTORY),
                        "dynamodb:GetItem", Set.of(TABLE, ROOMS, HISTORY),
                        "dynamodb:UpdateItem", Set.of(TABLE, ROOMS),
                        "dynamodb:DeleteItem", Set.of(ROOMS),
                        "dynamodb:Query", Set.of(INDEX, ROOMS, HISTORY))),
                Map.entry(WebSocketRoute.LEAVE.handler(), cleanup),
                Map.entry(WebSocketRoute.MEMBERS.handler(), Map.of(
                        "dynamodb:PutItem", Set.of(TABLE),
                        "dynamodb:GetItem", Set.of(TABLE, ROOMS),
                        "dynamodb:Query", Set.of(ROOMS))),
                Map.entry(WebSocketRoute.HISTORY.handler(), Map.of(
                        "dynamodb:GetItem", Set.of(TABLE, HISTORY),
                        "dynamodb:PutItem", Set.of(TABLE, HISTORY),
                        "dynamodb:Query", Set.of(HISTORY))),
                Map.entry(WebSocketRoute.DEFAULT.handler(), charge),
                Map.entry(BroadcastRoute.HANDLER, Map.of(
                        "dynamodb:PutItem", Set.of(TABLE, HISTORY),
                        "dynamodb:GetItem", Set.of(TABLE, ROOMS, HISTORY),
                        "dynamodb:UpdateItem", Set.of(TABLE, ROOMS, HISTORY),
                        "dynamodb:DeleteItem", Set.of(ROOMS),
                        "dynamodb:Query", Set.of(INDEX, ROOMS))),
                Map.entry(BroadcastStatusRoute.HANDLER, Map.of("dynamodb:GetItem", Set.of(HISTORY))),
                Map.entry(BroadcastWorkerRoute.HANDLER, Map.of(
                        "dynamodb:PutItem", Set.of(TABLE),
                        "dynamodb:GetItem", Set.of(TABLE, ROOMS, HISTORY),
                        "dynamodb:UpdateItem", Set.of(TABLE, ROOMS, HISTORY),
                        "dynamodb:DeleteItem", Set.of(ROOMS),
                        "dynamodb:Query", Set.of(INDEX, ROOMS))),
                Map.entry(AuthorizerHandler.HANDLER, Map.<String, Set<String>>of()),
                Map.entry(BroadcastAuthorizerHandler.HANDLER, Map.<String, Set<String>>of()));

        Map<String, String> functionIds = parley.functionIdsByHandler();
        assertThat(functionIds.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        functionIds.forEach((handler, functionId) ->
                assertThat(grantsOf(roleOf(functionId), "dynamodb:")).as(handler).isEqualTo(expected.get(handler)));
        assertThat(statements).as("no other role touches DynamoDB")
                .filteredOn(statement -> !functionRoles().contains(statement.roleId()))
                .allSatisfy(statement -> assertThat(statement.actions()).noneMatch(action -> action.startsWith("dynamodb:")));
    }

    @Test
    void givenEveryRole_synth_grantsNoScanTransactionBatchOrPartiQlAction() {
        assertThat(statements).flatExtracting(Statement::actions).filteredOn(action -> action.startsWith("dynamodb:"))
                .allMatch(action -> Set.of("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:UpdateItem",
                        "dynamodb:DeleteItem", "dynamodb:Query").contains(action));
    }

    @Test
    void givenHandlersThatSend_synth_grantsManageConnectionsOnlyForPostsToThisApisStage() {
        Object stagePostArn = join("arn:", ref("AWS::Partition"), ":execute-api:", ref("AWS::Region"), ":",
                ref("AWS::AccountId"), ":", ref(parley.logicalIdOf("AWS::ApiGatewayV2::Api")),
                "/" + WebSocketRoute.DEFAULT_STAGE + "/POST/@connections/*");
        Set<String> fanOutRoles = Stream.of(WebSocketRoute.CONNECT.handler(), WebSocketRoute.DISCONNECT.handler(),
                        WebSocketRoute.SEND_MESSAGE.handler(), WebSocketRoute.JOIN.handler(),
                        WebSocketRoute.LEAVE.handler(), WebSocketRoute.HISTORY.handler(), BroadcastRoute.HANDLER,
                        BroadcastWorkerRoute.HANDLER)
                .map(handler -> roleOf(parley.functionIdsByHandler().get(handler)))
                .collect(Collectors.toSet());

        List<Statement> manageConnections = statements.stream()
                .filter(statement -> statement.actions().stream().anyMatch(action -> action.startsWith("execute-api:")))
                .toList();

        assertThat(manageConnections).extracting(Statement::roleId).containsExactlyInAnyOrderElementsOf(fanOutRoles);
        assertThat(manageConnections).allSatisfy(statement -> {
            assertThat(statement.actions()).containsExactly("execute-api:ManageConnections");
            assertThat(statement.resources()).containsExactly(stagePostArn);
        });
    }

    @Test
    void givenTheSigningSecret_synth_letsOnlyTheTwoAuthorizersReadItAndDoNothingElseWithIt() {
        Set<String> authorizerRoles = Stream.of(AuthorizerHandler.HANDLER, BroadcastAuthorizerHandler.HANDLER)
                .map(handler -> roleOf(parley.functionIdsByHandler().get(handler)))
                .collect(Collectors.toSet());

        List<Statement> secretGrants = statements.stream()
                .filter(statement -> statement.actions().stream().anyMatch(action -> action.startsWith("secretsmanager:")))
                .toList();

        assertThat(secretGrants).extracting(Statement::roleId).containsExactlyInAnyOrderElementsOf(authorizerRoles);
        assertThat(secretGrants).allSatisfy(statement -> {
            assertThat(statement.actions()).containsExactly("secretsmanager:GetSecretValue");
            assertThat(statement.resources()).containsExactly(ref(parley.logicalIdOf("AWS::SecretsManager::Secret")));
        });
        for (String authorizerRole : authorizerRoles) {
            assertThat(statements).filteredOn(statement -> statement.roleId().equals(authorizerRole))
                    .flatExtracting(Statement::actions)
                    .containsExactlyInAnyOrder("logs:CreateLogStream", "logs:PutLogEvents", "secretsmanager:GetSecretValue");
        }
    }

    @Test
    void givenEachHandler_synth_letsItWriteOnlyItsOwnLogGroup() {
        parley.functionIdsByHandler().forEach((handler, functionId) -> {
            Object logGroup = at(parley.resource(functionId), "Properties", "LoggingConfig", "LogGroup");
            Map<String, Set<String>> logGrants = new TreeMap<>();
            statements.stream()
                    .filter(statement -> statement.roleId().equals(roleOf(functionId)))
                    .filter(statement -> statement.actions().stream().anyMatch(action -> action.startsWith("logs:")))
                    .forEach(statement -> {
                        assertThat(statement.resources()).as(handler)
                                .containsExactly(getAtt((String) ((Map<?, ?>) logGroup).get("Ref"), "Arn"));
                        statement.actions().forEach(action -> logGrants.computeIfAbsent(action, a -> new TreeSet<>()).add(handler));
                    });
            assertThat(logGrants.keySet()).as(handler).containsExactlyInAnyOrder("logs:CreateLogStream", "logs:PutLogEvents");
        });
    }

    @Test
    void givenTheApis_synth_letApiGatewayInvokeEachAliasOnlyFromItsOwnRouteOrAuthorizer() {
        Set<String> apiIds = Set.of(parley.logicalIdOf("AWS::ApiGatewayV2::Api"), parley.logicalIdOf("AWS::ApiGateway::RestApi"));
        List<String> expectedSourceEndings = new ArrayList<>();
        for (WebSocketRoute route : WebSocketRoute.values()) {
            expectedSourceEndings.add("/*" + route.routeKey());
        }
        expectedSourceEndings.add("/" + BroadcastRoute.METHOD + "/" + BroadcastRoute.RESOURCE);
        expectedSourceEndings.add("/" + BroadcastStatusRoute.METHOD + "/" + BroadcastStatusRoute.RESOURCE_PARENT + "/*");
        expectedSourceEndings.add("/authorizers/{" + parley.logicalIdOf("AWS::ApiGatewayV2::Authorizer") + "}");
        expectedSourceEndings.add("/authorizers/{" + parley.logicalIdOf("AWS::ApiGateway::Authorizer") + "}");

        List<String> sourceEndings = resources(parley.template, "AWS::Lambda::Permission").entrySet().stream()
                .map(entry -> {
                    Map<String, Object> properties = map(at(entry.getValue(), "Properties"));
                    assertThat(properties).as(entry.getKey())
                            .containsEntry("Action", "lambda:InvokeFunction")
                            .containsEntry("Principal", "apigateway.amazonaws.com");
                    assertThat(refsIn(properties.get("SourceArn"))).as(entry.getKey()).containsAnyElementsOf(apiIds);
                    List<Object> arnParts = list(list(at(properties, "SourceArn", "Fn::Join")).get(1));
                    Object last = arnParts.get(arnParts.size() - 1);
                    // An authorizer's permission ends with the authorizer's id: "/authorizers/", {"Ref": id}.
                    return last instanceof String ending ? ending
                            : arnParts.get(arnParts.size() - 2) + "{" + map(last).get("Ref") + "}";
                })
                .toList();

        assertThat(sourceEndings).as("each permission names one route or method of Parley's APIs")
                .containsExactlyInAnyOrderElementsOf(expectedSourceEndings);
    }

    @Test
    void givenTheBroadcastQueue_synth_letsOnlyTheBroadcastSendToItAndOnlyTheWorkerReceiveFromIt() {
        String pagesId = resources(parley.template, "AWS::SQS::Queue").entrySet().stream()
                .filter(queue -> at(queue.getValue(), "Properties", "RedrivePolicy") != null)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        String broadcastRole = roleOf(parley.functionIdsByHandler().get(BroadcastRoute.HANDLER));
        String workerRole = roleOf(parley.functionIdsByHandler().get(BroadcastWorkerRoute.HANDLER));

        List<Statement> sqsGrants = statements.stream()
                .filter(statement -> statement.actions().stream().anyMatch(action -> action.startsWith("sqs:")))
                .toList();

        assertThat(sqsGrants).extracting(Statement::roleId).containsExactlyInAnyOrder(broadcastRole, workerRole);
        assertThat(sqsGrants).allSatisfy(statement ->
                assertThat(statement.resources()).containsExactly(getAtt(pagesId, "Arn")));
        assertThat(sqsGrants).filteredOn(statement -> statement.roleId().equals(broadcastRole))
                .flatExtracting(Statement::actions).containsExactly("sqs:SendMessage");
        assertThat(sqsGrants).filteredOn(statement -> statement.roleId().equals(workerRole))
                .flatExtracting(Statement::actions).containsExactlyInAnyOrder("sqs:ReceiveMessage",
                        "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl", "sqs:DeleteMessage", "sqs:GetQueueAttributes");
    }

    /** Actions with the prefix granted to {@code roleId}, each with where: a table or an index. */
    private static Map<String, Set<String>> grantsOf(String roleId, String actionPrefix) {
        String tableId = parley.tableId(ChatDetailsTable.DEFAULT_NAME);
        Object tableArn = getAtt(tableId, "Arn");
        Object indexArn = join(getAtt(tableId, "Arn"), "/index/" + ChatDetailsTable.ACTIVE_CONNECTIONS_INDEX);
        Object usersIndexArn = join(getAtt(tableId, "Arn"), "/index/" + ChatDetailsTable.ACTIVE_USERS_INDEX);
        Object roomsArn = getAtt(parley.tableId(ChatRoomsTable.DEFAULT_NAME), "Arn");
        Object historyArn = getAtt(parley.tableId(ChatHistoryTable.DEFAULT_NAME), "Arn");
        Map<String, Set<String>> grants = new TreeMap<>();
        statements.stream().filter(statement -> statement.roleId().equals(roleId)).forEach(statement -> {
            for (String action : statement.actions()) {
                if (!action.startsWith(actionPrefix)) {
                    continue;
                }
                for (Object resource : statement.resources()) {
                    String where = resource.equals(tableArn) ? TABLE : resource.equals(indexArn) ? INDEX
                            : resource.equals(usersIndexArn) ? USERS_INDEX : resource.equals(roomsArn) ? ROOMS
                            : resource.equals(historyArn) ? HISTORY : "other: " + resource;
                    grants.computeIfAbsent(action, a -> new TreeSet<>()).add(where);
                }
            }
        });
        return grants;
    }

    private static String roleOf(String functionId) {
        return (String) list(at(parley.resource(functionId), "Properties", "Role", "Fn::GetAtt")).get(0);
    }

    private static Set<String> functionRoles() {
        return parley.functionIdsByHandler().values().stream().map(LeastPrivilegeTest::roleOf).collect(Collectors.toSet());
    }

    /** The statements of every policy resource and every role's inline policies, each with its role. */
    private static List<Statement> allStatements() {
        List<Statement> all = new ArrayList<>();
        resources(parley.template, "AWS::IAM::Policy").values().forEach(policy -> {
            for (Object role : list(at(policy, "Properties", "Roles"))) {
                all.addAll(statementsOf((String) map(role).get("Ref"), at(policy, "Properties", "PolicyDocument")));
            }
        });
        resources(parley.template, "AWS::IAM::Role").forEach((roleId, role) -> {
            Object inline = at(role, "Properties", "Policies");
            if (inline != null) {
                list(inline).forEach(policy -> all.addAll(statementsOf(roleId, at(policy, "PolicyDocument"))));
            }
        });
        return all;
    }

    private static List<Statement> statementsOf(String roleId, Object document) {
        return list(at(document, "Statement")).stream()
                .map(JsonTree::map)
                .peek(statement -> assertThat(statement.get("Effect")).isEqualTo("Allow"))
                .map(statement -> new Statement(roleId,
                        oneOrMany(statement.get("Action")).stream().map(String::valueOf).toList(),
                        oneOrMany(statement.get("Resource"))))
                .toList();
    }
}
