package dev.parley.chat.wiring;

import dev.parley.chat.adapter.out.apigateway.ApiGatewayMessagePublisher;
import dev.parley.chat.adapter.out.apigateway.ManagementApiClients;
import dev.parley.chat.adapter.out.apigateway.PublisherSettings;
import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisconnectReason;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.port.in.DisconnectCommand;
import dev.parley.chat.domain.port.in.SendMessageCommand;
import dev.parley.chat.domain.port.in.SendMessageResult;
import dev.parley.chat.domain.port.out.Deliveries;
import dev.parley.chat.domain.port.out.DeliveryResult;
import dev.parley.chat.protocol.FrameReader;
import dev.parley.chat.protocol.FrameWriter;
import dev.parley.chat.protocol.InvalidFrameException;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;

/**
 * Runs the {@code sendMessage} path once before a SnapStart snapshot is taken, so the classes it loads and the code
 * it compiles are in the snapshot instead of in the first invocation after a restore. It changes nothing anywhere:
 * it reads the frame of a connection that can never exist, asks for that connection (a GetItem that finds nothing, so
 * nothing is stored or sent), ends it (an update whose condition fails, so no row is created), and posts the message
 * to it through {@code @connections} (answered 410, or 400 for an id API Gateway never issues: nobody receives it).
 *
 * <p>Lambda runs it through the CRaC hook {@link Hook}, which {@link ExecutionEnvironment} registers.
 */
public final class SnapStartPriming {

    /** Longer than API Gateway's 16-character ids, so no connection ever has it. */
    public static final ConnectionId NEVER_CONNECTED = new ConnectionId("parley-snapstart-priming");
    private static final String FRAME = "{\"action\":\"sendMessage\",\"Message\":\"priming\"}";

    private SnapStartPriming() {}

    /**
     * The hook that primes {@code component} before a snapshot: the {@code sendMessage} path, then the
     * {@code @connections} path on {@code callbackUrl}, signed with {@code credentials}.
     */
    public record Hook(ChatComponent component, URI callbackUrl, Region region, AwsCredentialsProvider credentials)
            implements Resource {

        public Hook {
            Objects.requireNonNull(component, "component");
            Objects.requireNonNull(callbackUrl, "callbackUrl");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(credentials, "credentials");
        }

        /** The hook for {@code component}'s own {@code @connections} endpoint and region. */
        public static Hook of(ChatComponent component, AwsCredentialsProvider credentials) {
            ChatConfiguration configuration = component.configuration();
            return new Hook(component, configuration.websocketCallbackUrl(), Region.of(configuration.region()),
                    credentials);
        }

        /**
         * Every function shares this component, but each role may only make its own handler's calls (the
         * {@code $default} function may touch no table): a call the role is denied skips the priming, with a line in
         * the log, rather than failing the snapshot and with it the deployment.
         */
        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
            try {
                primeConnections(prime(component));
            } catch (SdkException denied) {
                System.err.println("SnapStart priming skipped (the first invocation after a restore pays for it): "
                        + denied.getMessage());
            }
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
            // Nothing to renew by hand: the DynamoDB client's pooled connection from the priming may be dead after a
            // restore, and the SDK retries the first attempt that meets it (one failed attempt, within the timeouts).
        }

        /**
         * Posts {@code message} to {@link #NEVER_CONNECTED} with a client of its own, closed afterwards, rather than
         * the component's: a connection that client kept open would be dead after the restore, and its first send
         * would fail and wait out a retry. The classes and the compiled code are the same for both clients.
         */
        private void primeConnections(ChatMessage message) {
            try (var client = ManagementApiClients.create(callbackUrl, region, credentials, 1)) {
                Deliveries deliveries = new ApiGatewayMessagePublisher(client, component.frameWriter(),
                        PublisherSettings.defaults()).publish(message, Stream.of(NEVER_CONNECTED));
                if (deliveries.count(DeliveryResult.Outcome.DELIVERED) > 0) {
                    throw new IllegalStateException("priming delivered a message to " + NEVER_CONNECTED
                            + ", which no connection should have");
                }
            }
        }
    }

    /** Registers {@code hook} with {@code context}, which holds it only weakly: keep what this returns. */
    public static <H extends Resource> H register(Context<Resource> context, H hook) {
        context.register(hook);
        return hook;
    }

    /**
     * Primes {@code component}'s {@code sendMessage} path; fails if it did something other than find no such
     * connection. Returns the message the path would have sent.
     */
    public static ChatMessage prime(ChatComponent component) {
        FrameReader reader = component.frameReader();
        SendMessageCommand command;
        try {
            command = reader.sendMessage(NEVER_CONNECTED, reader.frame(FRAME));
        } catch (InvalidFrameException impossible) {
            throw new IllegalStateException("the priming frame is invalid: " + impossible.getMessage(), impossible);
        }
        SendMessageResult result = component.sendMessageUseCase().send(command);
        if (!(result instanceof SendMessageResult.SenderNotConnected notConnected)) {
            throw new IllegalStateException("priming expected no connection " + NEVER_CONNECTED + " but got " + result);
        }
        // What a real send encodes: the message for the recipients and the sender's acknowledgement.
        var message = new ChatMessage(MessageId.random(), notConnected.sender(), new DisplayName("priming"),
                Optional.empty(), command.text(), Instant.now(), Optional.of(RoomName.LOBBY));
        FrameWriter writer = component.frameWriter();
        writer.encode(message);
        writer.ack(message.id(), message.seq(), 0, Optional.empty());
        // Never stored (no such connection), but DisconnectHandler's reason all the same, spelt out here: the wiring
        // must not depend on the handlers, which depend on it.
        component.disconnectUseCase().disconnect(new DisconnectCommand(NEVER_CONNECTED,
                DisconnectReason.transportReported("the $disconnect route")));
        return message;
    }
}
