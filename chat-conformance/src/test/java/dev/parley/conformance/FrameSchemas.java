package dev.parley.conformance;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The JSON Schemas of docs/asyncapi.yaml, ready to check frames against: what a client sends must be a
 * {@code ClientFrame}, what it is sent a {@code ServerFrame}, and so on for each schema the document names.
 */
final class FrameSchemas {

    /** The document, found from the module's folder (where Maven runs the tests) or the repository's. */
    static final Path DOCUMENT = Files.exists(Path.of("docs", "asyncapi.yaml"))
            ? Path.of("docs", "asyncapi.yaml")
            : Path.of("..", "docs", "asyncapi.yaml");

    private static final FrameSchemas INSTANCE = new FrameSchemas(DOCUMENT);

    private final JsonNode schemas;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    FrameSchemas(Path document) {
        try {
            this.schemas = new YAMLMapper().readTree(document.toFile()).path("components").path("schemas");
        } catch (RuntimeException unreadable) {
            throw new IllegalStateException(document + " could not be read", unreadable);
        }
        if (!schemas.isObject() || schemas.isEmpty()) {
            throw new IllegalStateException(document + " has no components.schemas");
        }
    }

    static FrameSchemas asyncApi() {
        return INSTANCE;
    }

    /** What is wrong with {@code json} as a {@code schemaName}; empty when it is one. */
    List<String> problems(String schemaName, String json) {
        if (!schemas.has(schemaName)) {
            throw new IllegalArgumentException("docs/asyncapi.yaml names no schema " + schemaName);
        }
        return schema(schemaName).validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    /** The schema with every other one beside it, so the document's references resolve. */
    private Schema schema(String name) {
        ObjectNode root = new YAMLMapper().createObjectNode();
        root.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
        root.set("$defs", schemas);
        root.put("$ref", "#/$defs/" + name);
        return registry.getSchema(root.toString().replace("#/components/schemas/", "#/$defs/"), InputFormat.JSON);
    }
}
