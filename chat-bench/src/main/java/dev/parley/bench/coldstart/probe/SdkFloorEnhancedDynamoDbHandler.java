package dev.parley.bench.coldstart.probe;

/**
 * {@link SdkFloorEnhancedHandler} for a function that needs DynamoDB only: no {@code @connections} client, no post.
 */
public final class SdkFloorEnhancedDynamoDbHandler extends SdkFloorEnhancedHandler {

    public SdkFloorEnhancedDynamoDbHandler() {
        super(false);
    }
}
