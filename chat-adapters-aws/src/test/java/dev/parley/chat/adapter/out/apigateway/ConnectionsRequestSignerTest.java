package dev.parley.chat.adapter.out.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/** The lean signer against the SDK's own SigV4 signer: the same request, header for header, for any input. */
class ConnectionsRequestSignerTest {

    private static final Instant FIRST = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("2040-01-01T00:00:00Z");

    /** Where and how a client sends: protocol, host, port (absent, standard or not), stage, region. */
    record Endpoint(String protocol, String host, Integer port, String stage, String region) {

        SdkHttpRequest template() {
            return SdkHttpRequest.builder()
                    .method(SdkHttpMethod.POST).protocol(protocol).host(host).port(port)
                    .putHeader("Content-Type", "application/json")
                    .encodedPath("/" + stage + "/@connections/")
                    .build();
        }
    }

    @Property(tries = 400)
    void givenAnyRequest_sign_writesWhatTheSdksSignerWrites(@ForAll("endpoints") Endpoint endpoint,
            @ForAll("connectionIds") String connectionId, @ForAll("bodies") byte[] body,
            @ForAll("credentials") AwsCredentialsIdentity credentials, @ForAll("instants") Instant at) {
        var signer = new ConnectionsRequestSigner(endpoint.template(), endpoint.region());
        String path = "/" + endpoint.stage() + "/@connections/" + SdkHttpUtils.urlEncode(connectionId);

        SdkHttpRequest ours = signer.sign(path, body, credentials, at);

        assertSameRequest(ours, bySdk(endpoint, path, body, credentials, at));
    }

    @Property(tries = 50)
    void givenOneSignerAcrossDaysAndCredentials_sign_keepsMatchingTheSdk(@ForAll("credentials") AwsCredentialsIdentity first,
            @ForAll("credentials") AwsCredentialsIdentity rotated, @ForAll("instants") Instant at,
            @ForAll @IntRange(min = 1, max = 3) int days) {
        var endpoint = new Endpoint("https", "abc123.execute-api.eu-west-1.amazonaws.com", null, "production",
                "eu-west-1");
        var signer = new ConnectionsRequestSigner(endpoint.template(), endpoint.region());
        String path = "/production/@connections/L0SM9cOFvHc%3D";
        byte[] body = "{\"type\":\"message\"}".getBytes(StandardCharsets.UTF_8);
        // The kept signing key must follow the day and the credentials, in any order of calls.
        for (var call : new Object[][] {{first, at}, {first, at.plusSeconds(86_400L * days)}, {rotated, at},
                {first, at}}) {
            var credentials = (AwsCredentialsIdentity) call[0];
            var when = (Instant) call[1];
            assertSameRequest(signer.sign(path, body, credentials, when), bySdk(endpoint, path, body, credentials, when));
        }
    }

    @Example
    void givenAKnownRequest_sign_givesItsKnownSignature() {
        // Computed by the SDK's AwsV4HttpSigner 2.57.8 for this request; a change of either signer shows here.
        var endpoint = new Endpoint("http", "127.0.0.1", 8080, "local", "us-east-1");
        var signer = new ConnectionsRequestSigner(endpoint.template(), endpoint.region());

        SdkHttpRequest signed = signer.sign("/local/@connections/abc%3D%2Fx", "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                AwsCredentialsIdentity.create("AKID", "SECRET"), Instant.parse("2026-12-03T18:00:00Z"));

        assertThat(signed.firstMatchingHeader("Authorization")).hasValue("AWS4-HMAC-SHA256 "
                + "Credential=AKID/20261203/us-east-1/execute-api/aws4_request, "
                + "SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date, "
                + "Signature=aab30cf703c572f32e4264117fa1704476095e4a96ea9d3edfeebd973df4d22a");
    }

    private static void assertSameRequest(SdkHttpRequest ours, SdkHttpRequest sdks) {
        assertThat(ours.getUri()).isEqualTo(sdks.getUri());
        assertThat(ours.method()).isEqualTo(sdks.method());
        assertThat(ours.headers()).isEqualTo(sdks.headers());
    }

    private static SdkHttpRequest bySdk(Endpoint endpoint, String path, byte[] body, AwsCredentialsIdentity credentials,
            Instant at) {
        SdkHttpRequest unsigned = endpoint.template().toBuilder()
                .encodedPath(path)
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        return AwsV4HttpSigner.create().sign(sign -> sign
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .identity(credentials)
                .putProperty(AwsV4HttpSigner.REGION_NAME, endpoint.region())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request();
    }

    @Provide
    Arbitrary<Endpoint> endpoints() {
        Arbitrary<String> protocols = Arbitraries.of("http", "https");
        Arbitrary<String> hosts = Arbitraries.of("127.0.0.1", "localhost", "abc123.execute-api.eu-west-1.amazonaws.com",
                "chat.example.com");
        Arbitrary<Integer> ports = Arbitraries.of(80, 443, 8080, 3001, 65535).injectNull(0.4);
        Arbitrary<String> stages = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789_-")
                .ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> regions = Arbitraries.of("us-east-1", "eu-west-1", "ap-southeast-2", "us-gov-west-1");
        return Combinators.combine(protocols, hosts, ports, stages, regions).as(Endpoint::new);
    }

    @Provide
    Arbitrary<String> connectionIds() {
        // ConnectionId's own alphabet: API Gateway's ids are base64 with '=', '+' and '/'.
        return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_=+/-")
                .ofMinLength(1).ofMaxLength(128);
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return Arbitraries.strings().ofMaxLength(2_000).map(text -> text.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<AwsCredentialsIdentity> credentials() {
        Arbitrary<String> keyIds = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> secrets = Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(40);
        Arbitrary<String> tokens = Arbitraries.strings().withChars("ABCDEFabcdef0123456789+/=").ofMinLength(1)
                .ofMaxLength(300);
        Arbitrary<AwsCredentialsIdentity> basic = Combinators.combine(keyIds, secrets).as(AwsCredentialsIdentity::create);
        Arbitrary<AwsCredentialsIdentity> session = Combinators.combine(keyIds, secrets, tokens)
                .as(AwsSessionCredentialsIdentity::create);
        return Arbitraries.oneOf(basic, session);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(FIRST.getEpochSecond(), LAST.getEpochSecond()).map(Instant::ofEpochSecond);
    }
}
