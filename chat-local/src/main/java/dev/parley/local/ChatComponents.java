package dev.parley.local;

import dev.parley.chat.wiring.ChatComponent;
import dev.parley.chat.wiring.ChatConfiguration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * How chat-local makes each function's object graph from the configuration it gives that function: as deployed
 * ({@link #AWS}), or, for benchmarks, with other stores behind the same use cases.
 */
@FunctionalInterface
public interface ChatComponents {

    /** Every adapter as on AWS: DynamoDB, SQS and {@code @connections} at the configured endpoints. */
    ChatComponents AWS = ChatComponent::create;

    ChatComponent create(ChatConfiguration configuration, AwsCredentialsProvider credentials);
}
