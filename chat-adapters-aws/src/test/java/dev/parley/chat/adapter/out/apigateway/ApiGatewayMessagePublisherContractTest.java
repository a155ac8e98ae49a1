package dev.parley.chat.adapter.out.apigateway;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.port.out.AbstractMessagePublisherTest;
import dev.parley.chat.domain.port.out.MessagePublisher;
import dev.parley.chat.protocol.FrameWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;

/** The publisher contract against a real HTTP server on loopback that answers as {@code @connections} does. */
class ApiGatewayMessagePublisherContractTest extends AbstractMessagePublisherTest {

    private FakeManagementApi api;
    private ApiGatewayManagementApiAsyncClient client;

    @Override
    protected MessagePublisher createPublisher() {
        try {
            api = FakeManagementApi.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client = ManagementApiClients.create(api.callbackUrl(), Region.EU_WEST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")), 4);
        return new ApiGatewayMessagePublisher(client, new FrameWriter(), PublisherSettings.defaults());
    }

    @AfterEach
    void stopApi() {
        client.close();
        api.close();
    }

    @Override
    protected void open(ConnectionId connection) {
        // @connections answers 200 for every connection it is not told otherwise about
    }

    @Override
    protected void end(ConnectionId connection) {
        api.answer(connection, 410);
    }

    @Override
    protected int receivedBy(ConnectionId connection) {
        return (int) api.receivedBy(connection).stream().filter(request -> request.status() / 100 == 2).count();
    }
}
