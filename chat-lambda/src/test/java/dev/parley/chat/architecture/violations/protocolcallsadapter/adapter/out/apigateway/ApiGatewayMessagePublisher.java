package dev.parley.chat.architecture.violations.protocolcallsadapter.adapter.out.apigateway;

public final class ApiGatewayMessagePublisher {

    public void publish(String frame) {
        // only its place in the rings matters
    }
}
