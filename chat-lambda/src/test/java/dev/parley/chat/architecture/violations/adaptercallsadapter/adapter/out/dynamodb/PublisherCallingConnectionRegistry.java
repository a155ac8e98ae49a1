package dev.parley.chat.architecture.violations.adaptercallsadapter.adapter.out.dynamodb;

import dev.parley.chat.architecture.violations.adaptercallsadapter.adapter.out.apigateway.ApiGatewayMessagePublisher;

/** Breaks "adapters do not depend on each other": the registry says goodbye through the publisher itself. */
public final class PublisherCallingConnectionRegistry {

    private final ApiGatewayMessagePublisher publisher;

    public PublisherCallingConnectionRegistry(ApiGatewayMessagePublisher publisher) {
        this.publisher = publisher;
    }

    public void remove(String connectionId) {
        publisher.publish(connectionId, "goodbye");
    }
}
