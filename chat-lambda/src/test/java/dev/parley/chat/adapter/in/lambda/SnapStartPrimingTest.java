package dev.parley.chat.adapter.in.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.wiring.SnapStartPriming;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.crac.Context;
import org.crac.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SnapStartPrimingTest {

    private static final String STAGE = "/production";

    /** A POST that reached the loopback {@code @connections} endpoint. */
    record Post(String path, String authorization) {}

    private final FakeChatComponent component = new FakeChatComponent();
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private HttpServer connections;

    @AfterEach
    void stopConnections() {
        if (connections != null) {
            connections.stop(0);
        }
    }

    @ParameterizedTest
    @EnumSource(PrimedFunction.class)
    void givenAnyRoom_makeCalls_storesAndSendsNothing(PrimedFunction function) throws IOException {
        var ann = new Connection(new ConnectionId("annConn1234567=="), new DisplayName("Ann"), FakeChatComponent.NOW);
        component.store.register(ann);
        var before = component.store.find(ann.id()).orElseThrow();

        hookOn(function, startConnections(410)).makeCalls();

        assertThat(component.store.find(SnapStartPriming.NEVER_CONNECTED)).isEmpty();
        assertThat(component.store.find(ann.id())).contains(before);
        assertThat(component.publisher.sent()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PrimedFunction.class)
    void givenEachFunction_rehearse_answersItsOwnEventAsInProductionAndTouchesNothingReal(PrimedFunction function)
            throws IOException {
        var hook = hookOn(function, startConnections(410));

        assertThat(hook.rehearse()).as(function + " rehearsed").isTrue();
        assertThat(posts).isEmpty();
        assertThat(component.store.find(SnapStartPriming.NEVER_CONNECTED)).isEmpty();
        assertThat(component.publisher.sent()).isEmpty();
    }

    @Test
    void givenThePrimingIdRegistered_makeCalls_refusesToSendAsIt() throws IOException {
        component.store.register(
                new Connection(SnapStartPriming.NEVER_CONNECTED, new DisplayName("Mallory"), FakeChatComponent.NOW));

        assertThatThrownBy(() -> hookOn(PrimedFunction.SEND_MESSAGE, startConnections(410)).makeCalls())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("priming expected no connection");
        assertThat(component.publisher.sent()).isEmpty();
    }

    @Test
    void givenConnectionsAnswerGone_beforeCheckpoint_postsSignedToTheNeverConnectedIdOnlyAndStoresNothing()
            throws IOException {
        var hook = hookOn(startConnections(410));

        hook.beforeCheckpoint(null);

        assertThat(posts).singleElement().satisfies(post -> {
            assertThat(post.path()).isEqualTo(STAGE + "/@connections/" + SnapStartPriming.NEVER_CONNECTED.value());
            assertThat(post.authorization()).startsWith("AWS4-HMAC-SHA256 ");
        });
        assertThat(component.store.find(SnapStartPriming.NEVER_CONNECTED)).isEmpty();
        assertThat(component.publisher.sent()).isEmpty();
    }

    @Test
    void givenConnectionsDeliverToThePrimingId_beforeCheckpoint_fails() throws IOException {
        var hook = hookOn(startConnections(200));

        assertThatThrownBy(() -> hook.beforeCheckpoint(null))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("priming delivered a message");
    }

    @Test
    void givenARoleDeniedTheTable_beforeCheckpoint_skipsThePrimingInsteadOfFailingTheSnapshot() throws IOException {
        var denied = new FakeChatComponent(reads -> deniedEveryCall());
        var hook = new SnapStartPriming.Hook(PrimedFunction.SEND_MESSAGE, denied, startConnections(410),
                Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));

        hook.beforeCheckpoint(null);

        assertThat(posts).isEmpty();
        assertThat(denied.publisher.sent()).isEmpty();
    }

    @Test
    void givenAContext_register_registersTheHookItReturns() throws IOException {
        var context = new RecordingContext();
        var hook = hookOn(startConnections(410));

        assertThat(SnapStartPriming.register(context, hook)).isSameAs(hook);
        assertThat(context.registered).containsExactly(hook);
    }

    /** A table this function's role may not use: every call is refused as DynamoDB refuses it. */
    private static ConnectionRegistry deniedEveryCall() {
        return (ConnectionRegistry) Proxy.newProxyInstance(ConnectionRegistry.class.getClassLoader(),
                new Class<?>[] {ConnectionRegistry.class}, (proxy, method, arguments) -> {
                    throw DynamoDbException.builder().statusCode(400)
                            .message("not authorized to perform: dynamodb:" + method.getName()).build();
                });
    }

    private SnapStartPriming.Hook hookOn(URI callbackUrl) {
        return hookOn(PrimedFunction.SEND_MESSAGE, callbackUrl);
    }

    private SnapStartPriming.Hook hookOn(PrimedFunction function, URI callbackUrl) {
        return new SnapStartPriming.Hook(function, component, callbackUrl, Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));
    }

    /** A loopback {@code @connections} endpoint answering every POST with {@code status}; returns its stage URL. */
    private URI startConnections(int status) throws IOException {
        connections = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        connections.createContext(STAGE + "/@connections/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                posts.add(new Post(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization")));
                if (status == 410) {
                    exchange.getResponseHeaders().add("x-amzn-ErrorType", "GoneException");
                }
                exchange.sendResponseHeaders(status, -1);
            }
        });
        connections.start();
        return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + connections.getAddress().getPort() + STAGE);
    }

    /** A CRaC context that keeps what is registered, as Lambda's does until the snapshot. */
    private static final class RecordingContext extends Context<Resource> {

        final List<Resource> registered = new ArrayList<>();

        @Override
        public void register(Resource resource) {
            registered.add(resource);
        }

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
            throw new UnsupportedOperationException("the test takes no snapshot");
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
            throw new UnsupportedOperationException("the test takes no snapshot");
        }
    }
}
