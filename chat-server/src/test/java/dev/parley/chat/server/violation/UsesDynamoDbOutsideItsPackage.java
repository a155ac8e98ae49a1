package dev.parley.chat.server.violation;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Breaks the rule on purpose: chat-server code outside its DynamoDB package holding an SDK client. */
public final class UsesDynamoDbOutsideItsPackage {

    private final DynamoDbClient client;

    public UsesDynamoDbOutsideItsPackage(DynamoDbClient client) {
        this.client = client;
    }

    public String region() {
        return client.serviceClientConfiguration().region().id();
    }
}
