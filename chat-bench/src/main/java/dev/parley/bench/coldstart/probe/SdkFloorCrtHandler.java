package dev.parley.bench.coldstart.probe;

import software.amazon.awssdk.http.crt.AwsCrtHttpClient;

/**
 * The SDK floor with DynamoDB on the CRT's synchronous HTTP client instead of the URL-connection client: the CRT is
 * loaded for {@code @connections} anyway, and its TLS is native, so neither JSSE nor its trust store is loaded.
 */
public final class SdkFloorCrtHandler extends SdkFloorHandler {

    public SdkFloorCrtHandler() {
        super(AwsCrtHttpClient::create, true);
    }
}
