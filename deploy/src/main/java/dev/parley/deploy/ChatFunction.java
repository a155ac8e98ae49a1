package dev.parley.deploy;

import dev.parley.chat.settings.aws.LambdaJvm;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.ApplicationLogLevel;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.SystemLogLevel;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * One handler of {@code chat-lambda.jar} as a function: java21 on arm64 with SnapStart and the JVM options of
 * {@link LambdaJvm} (the ones the cold-start benchmark measures), JSON logs into its own log
 * group, a role granting only the handler's {@link HandlerAccess}, and the alias {@value #ALIAS} on the published
 * version, which is what the APIs invoke (SnapStart only applies to published versions).
 */
final class ChatFunction extends Construct {

    static final String ALIAS = "live";

    /** API Gateway abandons an integration after 29 s, REST and WebSocket alike: a fan-out may use all of it. */
    static final Duration FAN_OUT_TIMEOUT = Duration.seconds(29);

    /** One DynamoDB call takes milliseconds; 10 s still covers the SDK's retries under throttling. */
    static final Duration SINGLE_CALL_TIMEOUT = Duration.seconds(10);

    /**
     * What every function shares.
     *
     * @param code the shaded jar
     * @param memorySize MB
     * @param logRemovalPolicy what deleting the stack does to the log group
     * @param table the chat details table the handlers use
     * @param roomsTable the chat rooms table the handlers use
     * @param historyTable the chat history table the handlers use
     * @param environment the variables {@code ChatConfiguration.fromEnvironment} reads, for every handler
     * @param manageConnectionsArn {@code execute-api:ManageConnections} resource: POST to this API's stage only
     */
    record Blueprint(
            Code code,
            int memorySize,
            RemovalPolicy logRemovalPolicy,
            DeployedChatDetailsTable table,
            DeployedChatRoomsTable roomsTable,
            DeployedChatHistoryTable historyTable,
            Map<String, String> environment,
            String manageConnectionsArn) {

        Blueprint {
            environment = Map.copyOf(environment);
        }

        /** The same, with {@code variables} as every handler's environment instead. */
        Blueprint withEnvironment(Map<String, String> variables) {
            return new Blueprint(code, memorySize, logRemovalPolicy, table, roomsTable, historyTable, variables,
                    manageConnectionsArn);
        }

        /** The ARN a grant on {@code resource} names. */
        String arnOf(HandlerAccess.Resource resource) {
            return switch (resource) {
                case CHAT_DETAILS -> table.table().getTableArn();
                case ACTIVE_CONNECTIONS -> table.activeConnectionsIndexArn();
                case ACTIVE_USERS -> table.activeUsersIndexArn();
                case CHAT_ROOMS -> roomsTable.table().getTableArn();
                case CHAT_HISTORY -> historyTable.table().getTableArn();
            };
        }
    }

    private final Role role;
    private final Alias alias;

    /**
     * @param handler the Lambda handler string, {@code class::handleRequest}; its class name names the construct
     * @param extraEnvironment variables only this handler reads
     */
    ChatFunction(Construct scope, String handler, HandlerAccess access, Map<String, String> extraEnvironment,
            Blueprint blueprint) {
        this(scope, handler, access, extraEnvironment, blueprint,
                access.postsToConnections() ? FAN_OUT_TIMEOUT : SINGLE_CALL_TIMEOUT);
    }

    /** As above, with its own {@code timeout}: a function no API Gateway integration waits for, such as a queue's worker. */
    ChatFunction(Construct scope, String handler, HandlerAccess access, Map<String, String> extraEnvironment,
            Blueprint blueprint, Duration timeout) {
        super(scope, constructId(handler));
        LogGroup logGroup = LogGroups.create(this, "Logs", blueprint.logRemovalPolicy());
        this.role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Runs " + handler + " with only the access its code needs")
                .build();
        logGroup.grantWrite(role);
        for (HandlerAccess.Resource resource : HandlerAccess.Resource.values()) {
            grant(role, access.actionsOn(resource), blueprint.arnOf(resource));
        }
        if (access.postsToConnections()) {
            grant(role, List.of("execute-api:ManageConnections"), blueprint.manageConnectionsArn());
            Nag.suppress(role, "AwsSolutions-IAM5", "connection ids exist only at run time: the ARN is already limited"
                    + " to this API, its one stage and the POST method",
                    Nag.matching("^Resource::arn:<AWS::Partition>:execute-api:<AWS::Region>:<AWS::AccountId>:"
                            + "<[A-Za-z0-9]+>/[A-Za-z0-9_-]+/POST/@connections/\\*$"));
        }

        // Sorted, so the template is the same on every synth.
        Map<String, String> environment = new TreeMap<>(blueprint.environment());
        environment.putAll(extraEnvironment);
        environment.put(LambdaJvm.TOOL_OPTIONS_VARIABLE, LambdaJvm.toolOptions());
        Function function = Function.Builder.create(this, "Function")
                .description("Parley " + handler)
                .runtime(Runtime.JAVA_21)
                // Graviton costs about 20% less per GB-second; the jar carries the CRT's linux arm64 natives.
                .architecture(Architecture.ARM_64)
                .code(blueprint.code())
                .handler(handler)
                .memorySize(blueprint.memorySize())
                .timeout(timeout)
                .environment(environment)
                .role(role)
                .logGroup(logGroup)
                .loggingFormat(LoggingFormat.JSON)
                .applicationLogLevelV2(ApplicationLogLevel.INFO)
                .systemLogLevelV2(SystemLogLevel.WARN)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .build();
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "the alias below publishes every new version");
        Nag.suppress(function, "AwsSolutions-L1", "java21 is the runtime Parley is built and tested for (the jar targets"
                + " Java 17, an LTS runtime with SnapStart); moving to a newer runtime is a deliberate, tested change");
        this.alias = Alias.Builder.create(this, "Alias")
                .aliasName(ALIAS)
                .version(function.getCurrentVersion())
                .build();
    }

    /** Lets the function do {@code actions} on {@code resource} too: what its code does beyond the chat's table. */
    void allow(List<String> actions, String resource) {
        grant(role, actions, resource);
    }

    /** What integrations invoke: the alias of the published, snapshotted version. */
    IFunction alias() {
        return alias;
    }

    private static void grant(Role role, List<String> actions, String resource) {
        if (!actions.isEmpty()) {
            role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .actions(actions)
                    .resources(List.of(resource))
                    .build());
        }
    }

    /** {@code dev.parley.chat.adapter.in.lambda.ConnectHandler::handleRequest} becomes {@code ConnectHandler}. */
    static String constructId(String handler) {
        int methodSeparator = handler.indexOf("::");
        if (methodSeparator < 0) {
            throw new IllegalArgumentException("not a Lambda handler string (class::method): " + handler);
        }
        String className = handler.substring(0, methodSeparator);
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
