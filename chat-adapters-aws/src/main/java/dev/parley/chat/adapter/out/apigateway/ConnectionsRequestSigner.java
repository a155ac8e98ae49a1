package dev.parley.chat.adapter.out.apigateway;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Signature Version 4 for the one request {@link SignedConnectionsClient} sends, {@code POST
 * /{stage}/@connections/{id}} with a JSON body: the same headers and signature as the SDK's {@code AwsV4HttpSigner}
 * gives that request ({@code ConnectionsRequestSignerTest} holds the two equal over random requests), without the
 * generic signer's work, which was a third of the publisher's CPU samples (docs/benchmarks.md, section 8). The signing
 * key is derived once per day and credentials, as the SDKs keep it, and the canonical request is written straight
 * from the request's few parts instead of through the generic signer's header maps and request copies. Each call
 * takes the credentials of the moment, so rotated ones are used at once.
 */
final class ConnectionsRequestSigner {

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final String SERVICE = "execute-api";
    private static final String HMAC = "HmacSHA256";
    private static final String SIGNED_HEADERS = "content-length;content-type;host;x-amz-content-sha256;x-amz-date";
    private static final String SIGNED_HEADERS_WITH_TOKEN = SIGNED_HEADERS + ";x-amz-security-token";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private final String region;
    /** The request with everything but its path, its length and its signature. */
    private final SdkHttpRequest template;
    /** {@code host} or {@code host:port}, as the SDK's signer writes the Host header. */
    private final String hostHeader;
    private final String contentType;
    private volatile SigningKey signingKey = new SigningKey("", "", new byte[0]);

    /** @param template method, protocol, host and port of every request, and its Content-Type header */
    ConnectionsRequestSigner(SdkHttpRequest template, String region) {
        this.template = Objects.requireNonNull(template, "template");
        this.region = Objects.requireNonNull(region, "region");
        this.hostHeader = SdkHttpUtils.isUsingStandardPort(template.protocol(), template.port())
                ? template.host() : template.host() + ":" + template.port();
        this.contentType = template.firstMatchingHeader("Content-Type")
                .orElseThrow(() -> new IllegalArgumentException("the template has no Content-Type"));
    }

    /**
     * The signed request of {@code body} to {@code encodedPath} (already URL-encoded, as it goes on the wire), signed
     * at {@code at} with {@code credentials}.
     */
    SdkHttpRequest sign(String encodedPath, byte[] body, AwsCredentialsIdentity credentials, Instant at) {
        String amzDate = AMZ_DATE.format(at);
        String date = amzDate.substring(0, 8);
        String payloadHash = HEX.formatHex(sha256(body));
        String contentLength = Integer.toString(body.length);
        String token = credentials instanceof AwsSessionCredentialsIdentity session ? session.sessionToken() : null;
        String scope = date + "/" + region + "/" + SERVICE + "/aws4_request";
        // The path of the canonical request is encoded once more than the one sent, as SigV4 wants for every service
        // but S3 (the SDK's DOUBLE_URL_ENCODE); a connection id has no dot segment to normalise.
        var canonical = new StringBuilder(256 + body.length / 8)
                .append("POST\n").append(SdkHttpUtils.urlEncodeIgnoreSlashes(encodedPath)).append("\n\n")
                .append("content-length:").append(contentLength).append('\n')
                .append("content-type:").append(contentType.strip()).append('\n')
                .append("host:").append(hostHeader).append('\n')
                .append("x-amz-content-sha256:").append(payloadHash).append('\n')
                .append("x-amz-date:").append(amzDate).append('\n');
        if (token != null) {
            canonical.append("x-amz-security-token:").append(token.strip()).append('\n');
        }
        String signedHeaders = token == null ? SIGNED_HEADERS : SIGNED_HEADERS_WITH_TOKEN;
        canonical.append('\n').append(signedHeaders).append('\n').append(payloadHash);
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + HEX.formatHex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        // Trimmed as the SDK's signer trims it.
        String signature = HEX.formatHex(hmac(keyFor(credentials.secretAccessKey().trim(), date),
                stringToSign.getBytes(StandardCharsets.UTF_8)));

        SdkHttpRequest.Builder signed = template.toBuilder()
                .encodedPath(encodedPath)
                .putHeader("Content-Length", contentLength)
                .putHeader("Host", hostHeader)
                .putHeader("x-amz-content-sha256", payloadHash)
                .putHeader("X-Amz-Date", amzDate)
                .putHeader("Authorization", ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope
                        + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
        if (token != null) {
            signed.putHeader("X-Amz-Security-Token", token);
        }
        return signed.build();
    }

    private byte[] keyFor(String secret, String date) {
        SigningKey known = signingKey;
        if (known.date().equals(date) && known.secret().equals(secret)) {
            return known.key();
        }
        byte[] key = hmac(hmac(hmac(hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8),
                date.getBytes(StandardCharsets.UTF_8)), bytes(region)), bytes(SERVICE)), bytes("aws4_request"));
        signingKey = new SigningKey(secret, date, key);
        return key;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException absent) {
            throw new IllegalStateException("every Java platform has SHA-256", absent);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException absent) {
            throw new IllegalStateException("every Java platform has " + HMAC, absent);
        }
    }

    /** The key of one day and secret. */
    private record SigningKey(String secret, String date, byte[] key) {

        @Override
        public String toString() {
            return "SigningKey[" + date + "]"; // never the secret
        }
    }
}
