package dev.parley.dynalite;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * A DynamoDB JSON-protocol call built by hand, enough to talk to dynalite without the AWS SDK. dynalite only checks
 * that a SigV4 {@code Authorization} header is present, not its signature.
 */
final class DynamoDbJsonRequest {

    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 "
            + "Credential=local/20200101/us-east-1/dynamodb/aws4_request, "
            + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=0";

    private DynamoDbJsonRequest() {
    }

    /** A POST of {@code jsonBody} to the operation, such as {@code ListTables}. */
    static HttpRequest of(URI endpoint, String operation, String jsonBody, Duration timeout) {
        return HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("X-Amz-Date", "20200101T000000Z")
                .header("Authorization", AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody))
                .build();
    }
}
