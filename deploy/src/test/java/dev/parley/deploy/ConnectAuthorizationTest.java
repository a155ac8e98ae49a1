package dev.parley.deploy;

import static dev.parley.deploy.JsonTree.at;
import static dev.parley.deploy.JsonTree.list;
import static dev.parley.deploy.JsonTree.map;
import static dev.parley.deploy.JsonTree.ref;
import static dev.parley.deploy.JsonTree.refsIn;
import static dev.parley.deploy.JsonTree.resources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.adapter.in.lambda.WebSocketRoute;
import dev.parley.chat.adapter.in.lambda.authorizer.AuthorizerHandler;
import dev.parley.chat.adapter.in.lambda.authorizer.BroadcastAuthorizerHandler;
import dev.parley.chat.auth.TokenRules;
import dev.parley.chat.settings.TokenSettings;
import dev.parley.chat.settings.aws.LambdaJvm;
import dev.parley.chat.wiring.AuthConfiguration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who may connect: on by default (a token checked by the $connect authorizer), off with -c authorization=false. */
class ConnectAuthorizationTest {

    private static SynthesizedParley parley;
    private static SynthesizedParley openChat;

    @BeforeAll
    static void synthesize() {
        parley = SynthesizedParley.defaults();
        openChat = SynthesizedParley.synthesize("open-chat", Map.of(DeploySettings.AUTHORIZATION, "false"));
    }

    @Test
    void givenDefaults_synth_putsARequestAuthorizerReadingTheQueryTokenOnConnectOnly() {
        String authorizerId = parley.logicalIdOf("AWS::ApiGatewayV2::Authorizer");
        Map<String, Object> authorizer = parley.resource(authorizerId);

        assertThat(map(at(authorizer, "Properties"))).containsEntry("AuthorizerType", "REQUEST")
                .containsEntry("IdentitySource", List.of("route.request.querystring.token"))
                .containsEntry("ApiId", ref(parley.logicalIdOf("AWS::ApiGatewayV2::Api")));
        assertThat(refsIn(at(authorizer, "Properties", "AuthorizerUri")))
                .as("API Gateway invokes the alias of the published, snapshotted version")
                .contains(aliasOf(parley, parley.functionIdsByHandler().get(AuthorizerHandler.HANDLER)));
        resources(parley.template, "AWS::ApiGatewayV2::Route").values().forEach(route -> {
            Map<String, Object> properties = map(at(route, "Properties"));
            if (WebSocketRoute.CONNECT.routeKey().equals(properties.get("RouteKey"))) {
                assertThat(properties).containsEntry("AuthorizationType", "CUSTOM").containsEntry("AuthorizerId", ref(authorizerId));
            } else {
                assertThat(properties).as((String) properties.get("RouteKey"))
                        .containsEntry("AuthorizationType", "NONE").doesNotContainKey("AuthorizerId");
            }
        });
    }

    @Test
    void givenDefaults_synth_putsATokenAuthorizerOfAdministratorsBearerTokensOnTheBroadcastPostWithItsKey() {
        String authorizerId = parley.logicalIdOf("AWS::ApiGateway::Authorizer");
        Map<String, Object> authorizer = map(at(parley.resource(authorizerId), "Properties"));
        String functionId = parley.functionIdsByHandler().get(BroadcastAuthorizerHandler.HANDLER);

        assertThat(authorizer).containsEntry("Type", "TOKEN")
                .containsEntry("IdentitySource", "method.request.header.Authorization")
                .containsEntry("AuthorizerResultTtlInSeconds", 0)
                .containsEntry("RestApiId", ref(parley.logicalIdOf("AWS::ApiGateway::RestApi")));
        assertThat(refsIn(authorizer.get("AuthorizerUri"))).contains(aliasOf(parley, functionId));
        parley.assertions.hasResourceProperties("AWS::ApiGateway::Method", Map.of("HttpMethod", "POST",
                "AuthorizationType", "CUSTOM", "AuthorizerId", ref(authorizerId), "ApiKeyRequired", true));
        assertThat(map(at(parley.resource(functionId), "Properties", "Environment", "Variables")))
                .isEqualTo(map(at(parley.resource(parley.functionIdsByHandler().get(AuthorizerHandler.HANDLER)),
                        "Properties", "Environment", "Variables")));
    }

    @Test
    void givenAuthorizationOff_synth_leavesTheBroadcastBehindItsKeyAlone() {
        assertThat(resources(openChat.template, "AWS::ApiGateway::Authorizer")).isEmpty();
        openChat.assertions.hasResourceProperties("AWS::ApiGateway::Method", Map.of("HttpMethod", "POST",
                "AuthorizationType", "NONE", "ApiKeyRequired", true));
    }

    @Test
    void givenDefaults_synth_generatesTheSigningSecretInSecretsManagerNeverInTheTemplate() {
        Map<String, Object> secret = JsonTree.single(parley.template, "AWS::SecretsManager::Secret").getValue();

        assertThat(map(at(secret, "Properties", "GenerateSecretString")))
                .containsEntry("PasswordLength", ConnectAuthorization.SECRET_LENGTH)
                .containsEntry("ExcludePunctuation", true)
                .containsEntry("IncludeSpace", false);
        assertThat(at(secret, "Properties", "SecretString")).isNull();
        assertThat(ConnectAuthorization.SECRET_LENGTH).isGreaterThanOrEqualTo(32);
    }

    @Test
    void givenDefaults_synth_givesTheAuthorizerOnlyItsSecretsArnTheTokenRulesAndTheJvmOptions() {
        String functionId = parley.functionIdsByHandler().get(AuthorizerHandler.HANDLER);
        Map<String, Object> variables = map(at(parley.resource(functionId), "Properties", "Environment", "Variables"));
        String secretId = parley.logicalIdOf("AWS::SecretsManager::Secret");
        String deployedArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:AuthorizationSigningSecret-AbCdEf";

        assertThat(variables).containsOnly(Map.entry(AuthConfiguration.SECRET_ARN_VARIABLE, ref(secretId)),
                Map.entry("TOKEN_AUDIENCE", "parley"), Map.entry("TOKEN_MAX_LIFETIME", "24h"),
                Map.entry(LambdaJvm.TOOL_OPTIONS_VARIABLE, LambdaJvm.toolOptions()));
        Map<String, String> environment = new HashMap<>();
        variables.forEach((name, value) -> environment.put(name, JsonTree.evaluate(value, Map.of(secretId, deployedArn))));
        environment.put("AWS_REGION", "eu-west-1");
        assertThat(AuthConfiguration.fromEnvironment(environment))
                .isEqualTo(new AuthConfiguration.InSecretsManager(deployedArn, "eu-west-1"));
        assertThat(TokenSettings.fromEnvironment(environment)).isEqualTo(TokenRules.DEFAULT);
    }

    @Test
    void givenTokenAudienceAndMaxLifetimeInTheContext_synth_givesThemToTheAuthorizer() {
        var configured = SynthesizedParley.synthesize("token-rules",
                Map.of("tokenAudience", "https://chat.example.com", "tokenMaxLifetime", "PT8H"));
        String functionId = configured.functionIdsByHandler().get(AuthorizerHandler.HANDLER);

        assertThat(map(at(configured.resource(functionId), "Properties", "Environment", "Variables")))
                .containsEntry("TOKEN_AUDIENCE", "https://chat.example.com").containsEntry("TOKEN_MAX_LIFETIME", "8h");
    }


    @Test
    void givenAuthorizationOff_synth_leavesConnectOpenWithNoSecretAuthorizerOrOutputForIt() {
        assertThat(resources(openChat.template, "AWS::ApiGatewayV2::Authorizer")).isEmpty();
        assertThat(resources(openChat.template, "AWS::SecretsManager::Secret")).isEmpty();
        // The eight routes' handlers, the broadcast's, its status's and its worker's.
        assertThat(openChat.functionIdsByHandler()).doesNotContainKey(AuthorizerHandler.HANDLER).hasSize(11);
        assertThat(map(openChat.template.get("Outputs"))).doesNotContainKey(ParleyStack.AUTH_SECRET_ARN_OUTPUT);
        resources(openChat.template, "AWS::ApiGatewayV2::Route").values().forEach(route -> {
            assertThat(at(route, "Properties", "AuthorizationType")).isEqualTo("NONE");
            assertThat(list(at(route, "Metadata", "cdk_nag", "rules_to_suppress"))).singleElement()
                    .satisfies(rule -> assertThat((String) map(rule).get("reason")).contains("authorization=false"));
        });
    }

    @Test
    void givenAuthorizationOff_synth_letsTheFunctionsConnectAnonymously() {
        openChat.chatFunctionIdsByHandler().forEach((handler, functionId) -> assertThat(
                map(at(openChat.resource(functionId), "Properties", "Environment", "Variables")))
                .as(handler).containsEntry("REQUIRE_AUTH", "false"));
    }

    @Test
    void givenAuthorizationOff_synth_stillPassesTheAwsSolutionsChecks() {
        assertThat(openChat.messages("aws:cdk:error")).isEmpty();
    }

    @Test
    void givenDefaults_synth_outputsWhereTheSecretIsButNotItsValue() {
        assertThat(at(map(parley.template.get("Outputs")), ParleyStack.AUTH_SECRET_ARN_OUTPUT, "Value"))
                .isEqualTo(ref(parley.logicalIdOf("AWS::SecretsManager::Secret")));
        assertThat(at(map(parley.template.get("Outputs")), ParleyStack.AUTH_SECRET_ARN_OUTPUT, "Description"))
                .asString().contains("get-secret-value");
    }

    private static String aliasOf(SynthesizedParley synthesized, String functionId) {
        return resources(synthesized.template, "AWS::Lambda::Alias").entrySet().stream()
                .filter(alias -> ref(functionId).equals(at(alias.getValue(), "Properties", "FunctionName")))
                .map(Map.Entry::getKey)
                .collect(Collectors.collectingAndThen(Collectors.toList(), JsonTree::singleItem));
    }
}
