package dev.parley.deploy;

import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.constructs.Construct;

/**
 * A table's definition, the {@code CreateTableRequest} the adapters' tests create on dynalite, translated into a CDK
 * table, so the deployed keys, indexes and projections cannot drift from what the code queries. The deployment adds
 * what dynalite lacks: time to live and point-in-time recovery.
 */
final class DeployedTables {

    private DeployedTables() {}

    /** The table {@code definition} describes, as {@code scope}'s child {@code Table}, with TTL on {@code timeToLive}. */
    static Table translate(Construct scope, CreateTableRequest definition, String timeToLive, RemovalPolicy removalPolicy) {
        Table.Builder builder = Table.Builder.create(scope, "Table")
                .tableName(definition.tableName())
                .partitionKey(key(definition, definition.keySchema(), KeyType.HASH)
                        .orElseThrow(() -> new IllegalStateException("the table definition has no partition key")))
                .billingMode(BillingMode.valueOf(definition.billingMode().name()))
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                .timeToLiveAttribute(timeToLive)
                // Retained data is also guarded against a delete by hand; a destroyable table must stay deletable.
                .deletionProtection(removalPolicy == RemovalPolicy.RETAIN)
                .removalPolicy(removalPolicy);
        key(definition, definition.keySchema(), KeyType.RANGE).ifPresent(builder::sortKey);
        Table table = builder.build();
        definition.globalSecondaryIndexes().forEach(index -> table.addGlobalSecondaryIndex(indexProps(definition, index)));
        return table;
    }

    private static GlobalSecondaryIndexProps indexProps(CreateTableRequest definition, GlobalSecondaryIndex index) {
        Projection projection = index.projection();
        GlobalSecondaryIndexProps.Builder props = GlobalSecondaryIndexProps.builder()
                .indexName(index.indexName())
                .partitionKey(key(definition, index.keySchema(), KeyType.HASH)
                        .orElseThrow(() -> new IllegalStateException("index " + index.indexName() + " has no partition key")))
                .projectionType(ProjectionType.valueOf(projection.projectionType().name()));
        key(definition, index.keySchema(), KeyType.RANGE).ifPresent(props::sortKey);
        if (projection.hasNonKeyAttributes()) {
            props.nonKeyAttributes(projection.nonKeyAttributes());
        }
        return props.build();
    }

    private static Optional<Attribute> key(CreateTableRequest definition, List<KeySchemaElement> keySchema, KeyType type) {
        return keySchema.stream()
                .filter(element -> element.keyType() == type)
                .map(element -> attribute(definition, element.attributeName()))
                .findFirst();
    }

    private static Attribute attribute(CreateTableRequest definition, String name) {
        AttributeDefinition defined = definition.attributeDefinitions().stream()
                .filter(attribute -> attribute.attributeName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("key attribute " + name + " is not defined"));
        return Attribute.builder().name(name).type(attributeType(defined)).build();
    }

    private static AttributeType attributeType(AttributeDefinition attribute) {
        return switch (attribute.attributeType()) {
            case S -> AttributeType.STRING;
            case N -> AttributeType.NUMBER;
            case B -> AttributeType.BINARY;
            default -> throw new IllegalStateException("unknown type of key attribute " + attribute.attributeName());
        };
    }
}
