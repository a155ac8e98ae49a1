package dev.parley.chat.architecture.violations.protocolcallsadapter.protocol;

import dev.parley.chat.architecture.violations.protocolcallsadapter.adapter.out.apigateway.ApiGatewayMessagePublisher;

/** Breaks "only the wiring depends on adapters": the wire format posts what it encodes. */
public final class PublisherCallingWireFormat {

    public void encodeAndSend(ApiGatewayMessagePublisher publisher, String text) {
        publisher.publish("{\"message\":\"" + text + "\"}");
    }
}
