package dev.parley.chat.architecture.violations.adaptercallsadapter.adapter.out.apigateway;

public final class ApiGatewayMessagePublisher {

    public void publish(String connectionId, String text) {
        // only its place in the rings matters
    }
}
