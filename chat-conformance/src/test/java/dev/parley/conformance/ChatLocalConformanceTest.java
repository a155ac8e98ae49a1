package dev.parley.conformance;

import dev.parley.local.LocalOptions;
import dev.parley.local.ParleyLocal;
import java.net.URI;

/**
 * The protocol on chat-local: the Lambda handlers behind the emulated API Gateway, on a dynalite of its own. What only
 * API Gateway has ({@code @connections}, its faults) is tested in chat-local's own end-to-end tests.
 */
class ChatLocalConformanceTest extends ProtocolConformance {

    @Override
    Transport start() {
        ParleyLocal parley = ParleyLocal.start(LocalOptions.parse("--port", "0"));
        return new Transport() {
            @Override
            public URI chat(String name) {
                return URI.create(parley.gateway().urls().webSocket() + "?" + query(name));
            }

            @Override
            public URI broadcast() {
                return parley.gateway().urls().rest("broadcastmessage");
            }

            @Override
            public void close() {
                parley.close();
            }
        };
    }
}
