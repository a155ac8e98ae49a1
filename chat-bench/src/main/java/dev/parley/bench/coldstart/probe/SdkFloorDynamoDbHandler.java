package dev.parley.bench.coldstart.probe;

import software.amazon.awssdk.http.crt.AwsCrtHttpClient;

/**
 * The SDK floor of a function that needs DynamoDB only ({@code $connect} to an empty lobby, {@code $default},
 * {@code members}...): Parley's DynamoDB client (on the CRT's synchronous HTTP client) and one GetItem, no
 * {@code @connections} client.
 */
public final class SdkFloorDynamoDbHandler extends SdkFloorHandler {

    public SdkFloorDynamoDbHandler() {
        super(AwsCrtHttpClient::create, false);
    }
}
