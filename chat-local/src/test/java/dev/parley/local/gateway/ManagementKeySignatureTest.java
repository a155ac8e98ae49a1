package dev.parley.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A call the AWS CLI signed (botocore 1.43's {@code SigV4Auth}, which signs only {@code host} and {@code x-amz-date} for
 * {@code execute-api}, unlike the Java SDK), recorded with the key as its secret access key: the gateway's check
 * accepts it as it came, and refuses it with any part changed.
 */
class ManagementKeySignatureTest {

    private static final ApiKey KEY = new ApiKey("callback-key-0123456789-abcdef");
    private static final String PATH = "/production/@connections/L0SM9cOFvHcCIhw%3D";
    private static final String BODY = "{\"from\":\"the CLI\"}";
    private static final Map<String, List<String>> HEADERS = Map.of(
            "Host", List.of("127.0.0.1:8080"),
            "X-Amz-Date", List.of("20261203T090845Z"),
            "Authorization", List.of("AWS4-HMAC-SHA256 Credential=parley-cli/20261203/eu-west-1/execute-api/aws4_request, "
                    + "SignedHeaders=host;x-amz-date, Signature=b399742a6412ca338a076859d9c07d9ded8026457661dd8a836c22db4ec1eb15"),
            "User-Agent", List.of("aws-cli/1.45.11"));
    private static final Instant SIGNED_AT = Instant.parse("2026-12-03T09:08:45Z");

    @Test
    void givenTheCliSignedCall_check_acceptsIt() {
        assertThat(check(at(SIGNED_AT.plusSeconds(90)), "127.0.0.1:8080", PATH, BODY)).isEmpty();
    }

    @Test
    void givenTheCliSignedCallWithAnyPartChanged_check_refusesIt() {
        ManagementKey key = at(SIGNED_AT);
        assertThat(check(key, "127.0.0.1:8080", PATH, BODY.replace("CLI", "web"))).isPresent();
        assertThat(check(key, "127.0.0.1:8080", PATH.replace("L0SM", "Othr"), BODY)).isPresent();
        assertThat(check(key, "localhost:8080", PATH, BODY)).isPresent();
        assertThat(new ManagementKey(new ApiKey("another-key-0123456789-abcdef"), Clock.fixed(SIGNED_AT, ZoneOffset.UTC))
                .check(request("127.0.0.1:8080", PATH, BODY))).hasValueSatisfying(refusal ->
                        assertThat(refusal.errorType()).isEqualTo("InvalidSignatureException"));
    }

    @Test
    void givenTheCliSignedCallSixteenMinutesLaterOrEarlier_check_refusesItAsExpired() {
        assertThat(check(at(SIGNED_AT.plusSeconds(16 * 60)), "127.0.0.1:8080", PATH, BODY))
                .hasValueSatisfying(refusal -> assertThat(refusal.message()).startsWith("Signature expired"));
        assertThat(check(at(SIGNED_AT.minusSeconds(16 * 60)), "127.0.0.1:8080", PATH, BODY))
                .hasValueSatisfying(refusal -> assertThat(refusal.message()).startsWith("Signature expired"));
    }

    private static ManagementKey at(Instant now) {
        return new ManagementKey(KEY, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static java.util.Optional<ManagementKey.Refusal> check(ManagementKey key, String host, String path, String body) {
        return key.check(request(host, path, body));
    }

    private static ManagementKey.SignedRequest request(String host, String path, String body) {
        var headers = new java.util.HashMap<>(HEADERS);
        headers.put("Host", List.of(host));
        return new ManagementKey.SignedRequest("POST", host, path, Map.of(), headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
