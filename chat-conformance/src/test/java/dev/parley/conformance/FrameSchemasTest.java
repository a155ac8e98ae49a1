package dev.parley.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The schemas can fail: a frame that drifts from the document is caught, not waved through. */
class FrameSchemasTest {

    private final FrameSchemas schemas = FrameSchemas.asyncApi();

    @Test
    void framesAsTheWriterMakesThemValidate() {
        assertThat(schemas.problems("ServerFrame", "{\"type\":\"pong\"}")).isEmpty();
        assertThat(schemas.problems("ServerFrame", "{\"type\":\"ack\",\"id\":\"5f0c1d2e-3b4a-4c6d-8e9f-0a1b2c3d4e5f\","
                + "\"recipients\":2,\"clientId\":\"c-1\"}")).isEmpty();
        assertThat(schemas.problems("ClientFrame", "{\"action\":\"sendMessage\",\"Message\":\"hi\",\"room\":\"design\"}"))
                .isEmpty();
    }

    @Test
    void aServerFrameWithAFieldTheDocumentDoesNotNameFails() {
        assertThat(schemas.problems("ServerFrame", "{\"type\":\"pong\",\"latency\":3}")).isNotEmpty();
    }

    @Test
    void aServerFrameMissingARequiredFieldOrOfAnUnknownTypeFails() {
        assertThat(schemas.problems("ServerFrame", "{\"type\":\"ack\",\"id\":\"5f0c1d2e-3b4a-4c6d-8e9f-0a1b2c3d4e5f\"}"))
                .isNotEmpty();
        assertThat(schemas.problems("ServerFrame", "{\"type\":\"shout\"}")).isNotEmpty();
        assertThat(schemas.problems("Error", "{\"type\":\"error\",\"code\":\"OOPS\",\"message\":\"x\"}")).isNotEmpty();
    }

    @Test
    void aClientFrameOfTheWrongShapeFails() {
        assertThat(schemas.problems("ClientFrame", "{\"action\":\"sendMessage\",\"message\":\"hi\"}")).isNotEmpty();
        assertThat(schemas.problems("ClientFrame", "{\"action\":\"join\"}")).isNotEmpty();
    }
}
