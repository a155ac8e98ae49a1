package dev.parley.chat.wiring;

import dev.parley.chat.adapter.out.apigateway.ApiGatewayMessagePublisher;
import dev.parley.chat.adapter.out.apigateway.ManagementApiClients;
import dev.parley.chat.adapter.out.apigateway.PublisherSettings;
import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisconnectReason;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.port.in.DisconnectCommand;
import dev.parley.chat.domain.port.in.SendMessageCommand;
import dev.parley.chat.domain.port.in.SendMessageResult;
import dev.parley.chat.domain.port.out.Deliveries;
import dev.parley.chat.domain.port.out.DeliveryResult;
import dev.parley.chat.protocol.FrameReader;
import dev.parley.chat.protocol.InvalidFrameException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;

/**
 * Runs one function's path before a SnapStart snapshot is taken, so the classes it loads and the code it compiles are
 * in the snapshot instead of in the first invocation after a restore, and changes nothing anywhere. Each function
 * primes its own path ({@link Plan}), in two parts:
 * <ul>
 *   <li>a rehearsal: the function's handler, built over {@link PrimingRehearsal}'s in-memory adapters, answers the
 *       function's own event, so its handler, domain and frame code runs past every early exit;</li>
 *   <li>the AWS calls of its path that change nothing ({@link Step}), each one its least-privilege role is granted:
 *       reads of keys that cannot exist, updates whose condition fails, and a post to {@link #NEVER_CONNECTED}.</li>
 * </ul>
 *
 * <p>Lambda runs it through the CRaC hook {@link Hook}, which {@link ExecutionEnvironment} registers and keeps.
 */
public final class SnapStartPriming {

    /** Longer than API Gateway's 16-character ids, so no connection ever has it. */
    public static final ConnectionId NEVER_CONNECTED = new ConnectionId("parley-snapstart-priming");
    /** A queued broadcast nobody started: a version 4 UUID no random one equals in practice. */
    static final MessageId NO_BROADCAST = new MessageId(UUID.fromString("00000000-0000-4000-8000-00000000dead"));
    /** A room no client is told of; a read of its members changes nothing even if one joined it. */
    static final RoomName UNUSED_ROOM = new RoomName("parley-snapstart-priming");
    private static final String FRAME = "{\"action\":\"sendMessage\",\"Message\":\"priming\"}";

    private SnapStartPriming() {}

    /** Where a priming call goes: the tables by their role, and the {@code @connections} API. */
    public enum Target { CHAT_DETAILS, CHAT_ROOMS, CHAT_HISTORY, CONNECTIONS }

    /** One AWS call a priming makes: the SDK's operation name (as IAM's action, without the service) on a target. */
    public record Call(Target target, String operation) {

        public Call {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(operation, "operation");
        }
    }

    /** The AWS calls a priming can make, each changing nothing. */
    public enum Step {
        /** Asks for {@link #NEVER_CONNECTED}'s row through {@code sendMessage}: a GetItem finding nothing. */
        LOOK_UP_CONNECTION(Set.of(new Call(Target.CHAT_DETAILS, "GetItem"))) {
            @Override
            void run(Hook hook) {
                FrameReader reader = hook.component().frameReader();
                SendMessageCommand command;
                try {
                    command = reader.sendMessage(NEVER_CONNECTED, reader.frame(FRAME));
                } catch (InvalidFrameException impossible) {
                    throw new IllegalStateException("the priming frame is invalid: " + impossible.getMessage(),
                            impossible);
                }
                SendMessageResult result = hook.component().sendMessageUseCase().send(command);
                if (!(result instanceof SendMessageResult.SenderNotConnected)) {
                    throw new IllegalStateException("priming expected no connection " + NEVER_CONNECTED + " but got "
                            + result);
                }
            }
        },
        /**
         * Ends {@link #NEVER_CONNECTED}: an UpdateItem whose condition (the row exists) fails, so no row is created,
         * then the GetItem of its rooms, which finds none.
         */
        END_CONNECTION(Set.of(new Call(Target.CHAT_DETAILS, "UpdateItem"), new Call(Target.CHAT_DETAILS, "GetItem"))) {
            @Override
            void run(Hook hook) {
                // DisconnectHandler's reason, spelt out here: the wiring must not depend on the handlers.
                hook.component().disconnectUseCase().disconnect(new DisconnectCommand(NEVER_CONNECTED,
                        DisconnectReason.transportReported("the $disconnect route")));
            }
        },
        /**
         * Reads the first members of the room {@link #UNUSED_ROOM}: a Query of the rooms table, which finds none
         * unless someone chose that name (a read all the same).
         */
        QUERY_ROOM(Set.of(new Call(Target.CHAT_ROOMS, "Query"))) {
            @Override
            void run(Hook hook) {
                hook.component().roomRegistry().members(UNUSED_ROOM).findFirst();
            }
        },
        /** Asks for the record of {@link #NO_BROADCAST}: a GetItem finding nothing. */
        READ_BROADCAST(Set.of(new Call(Target.CHAT_HISTORY, "GetItem"))) {
            @Override
            void run(Hook hook) {
                hook.component().broadcastStatusUseCase().status(NO_BROADCAST).ifPresent(found -> {
                    throw new IllegalStateException("priming expected no broadcast " + NO_BROADCAST + " but got "
                            + found);
                });
            }
        },
        /**
         * Posts a message to {@link #NEVER_CONNECTED} (answered 410, or 400 for an id API Gateway never issues: nobody
         * receives it) with a client of its own, closed afterwards, rather than the component's: a connection that
         * client kept open would be dead after the restore, and its first send would fail and wait out a retry.
         */
        POST_TO_CONNECTION(Set.of(new Call(Target.CONNECTIONS, "PostToConnection"))) {
            @Override
            void run(Hook hook) {
                hook.postToNeverConnected();
            }
        };

        private final Set<Call> calls;

        Step(Set<Call> calls) {
            this.calls = calls;
        }

        /** The calls this step makes: what the function's role must grant for it. */
        public Set<Call> calls() {
            return calls;
        }

        abstract void run(Hook hook);
    }

    /** What one function primes: each chat function's handler names its own (in adapter.in.lambda). */
    public interface Plan {

        /** The function's name, for the log. */
        String function();

        /** The AWS calls it makes, in order. */
        List<Step> steps();

        /**
         * Has the function's handler, built on {@code inMemory}, answer the function's own event; true when it
         * answered as it would in production.
         */
        boolean rehearse(ChatComponent inMemory);

        /** Every call the plan makes: what the function's role must grant. */
        default Set<Call> calls() {
            return steps().stream().flatMap(step -> step.calls().stream()).collect(Collectors.toUnmodifiableSet());
        }
    }

    /**
     * The hook that primes {@code plan}'s function before a snapshot: the rehearsal, then the plan's calls on
     * {@code component}, posting to {@code callbackUrl} signed with {@code credentials}.
     */
    public record Hook(Plan plan, ChatComponent component, URI callbackUrl, Region region,
            AwsCredentialsProvider credentials) implements Resource {

        public Hook {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(component, "component");
            Objects.requireNonNull(callbackUrl, "callbackUrl");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(credentials, "credentials");
        }

        /** The hook for {@code component}'s own {@code @connections} endpoint and region. */
        public static Hook of(Plan plan, ChatComponent component, AwsCredentialsProvider credentials) {
            ChatConfiguration configuration = component.configuration();
            return new Hook(plan, component, configuration.websocketCallbackUrl(), Region.of(configuration.region()),
                    credentials);
        }

        /**
         * A call the role is denied (a deployment whose grants and plan disagree) skips the rest of the priming, with
         * a line in the log, rather than failing the snapshot and with it the deployment.
         */
        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
            if (!rehearse()) {
                System.err.println("SnapStart priming of " + plan.function() + ": the rehearsal did not answer as in "
                        + "production, so part of the path is left to the first invocation after a restore");
            }
            try {
                makeCalls();
            } catch (SdkException denied) {
                System.err.println("SnapStart priming of " + plan.function() + " skipped (the first invocation after"
                        + " a restore pays for it): " + denied.getMessage());
            }
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
            // Nothing to renew by hand: the DynamoDB client's pooled connection from the priming may be dead after a
            // restore, and the SDK retries the first attempt that meets it (one failed attempt, within the timeouts).
        }

        /** The function's handler on in-memory adapters of its own; true when it answered as in production. */
        public boolean rehearse() {
            return plan.rehearse(PrimingRehearsal.component(component.configuration()));
        }

        /** The plan's AWS calls; fails if one did something other than find nothing. */
        public void makeCalls() {
            for (Step step : plan.steps()) {
                step.run(this);
            }
        }

        private void postToNeverConnected() {
            var message = new ChatMessage(MessageId.random(), NEVER_CONNECTED, new DisplayName("priming"),
                    Optional.empty(), new MessageText("priming"), Instant.now(), Optional.of(RoomName.LOBBY));
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
}
