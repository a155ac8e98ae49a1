package dev.parley.local.gateway;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key {@code @connections} calls must prove they hold, as API Gateway requires an IAM signature: either the key
 * itself in {@code x-api-key} (curl), or a SigV4 signature whose secret access key is the key (the AWS SDKs and CLI,
 * and the handlers; any access key id). The signature is recomputed over the method, path, query, the headers it
 * names and the body's SHA-256, at the request's {@code X-Amz-Date}, which must be within 15 minutes of the gateway's
 * clock, as on AWS. (The SDK's {@code AwsV4HttpSigner} cannot recompute it: it always adds and signs
 * {@code x-amz-content-sha256}, which the AWS CLI does not send for {@code execute-api}.)
 */
final class ManagementKey {

    static final String API_KEY_HEADER = "x-api-key";
    /** API Gateway refuses signatures dated further than this from its clock. */
    static final Duration ALLOWED_CLOCK_SKEW = Duration.ofMinutes(15);

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final String SERVICE = "execute-api";
    private static final Pattern AUTHORIZATION = Pattern.compile(ALGORITHM
            + " +Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request *, *"
            + "SignedHeaders=([a-z0-9;_.-]+) *, *Signature=([0-9a-f]{64})");
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String MISMATCH = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method (locally: the secret access key is "
            + "chat-local's admin key)";

    private final ApiKey key;
    private final Clock clock;
    /**
     * The latest signing key derived, as the SDKs keep theirs: it depends only on the day and the region, so the four
     * HMACs of its derivation are done once a day rather than for every call.
     */
    private volatile SigningKey latestSigningKey = new SigningKey("", "", new byte[0]);

    ManagementKey(ApiKey key, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A request as it arrived: what a signature covers. */
    record SignedRequest(String method, String host, String rawPath, Map<String, List<String>> query,
            Map<String, List<String>> headers, byte[] body) {

        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(header -> String.join(",", header.getValue()))
                    .findFirst();
        }
    }

    /** Why the request does not prove it holds the key, in API Gateway's terms; empty when it does. */
    Optional<Refusal> check(SignedRequest request) {
        Optional<String> apiKey = request.header(API_KEY_HEADER);
        if (apiKey.isPresent()) {
            return key.matches(apiKey.get()) ? Optional.empty()
                    : Optional.of(new Refusal("ForbiddenException", "Forbidden: x-api-key is not the admin key"));
        }
        Optional<String> authorization = request.header("Authorization");
        if (authorization.isEmpty() || !authorization.get().startsWith(ALGORITHM + " ")) {
            return Optional.of(new Refusal("MissingAuthenticationTokenException", "Missing Authentication Token: "
                    + "sign the call with SigV4 (the admin key as the secret access key) or send x-api-key"));
        }
        Matcher signature = AUTHORIZATION.matcher(authorization.get().strip());
        if (!signature.matches()) {
            return Optional.of(new Refusal("IncompleteSignatureException",
                    "Authorization header requires Credential, SignedHeaders and Signature"));
        }
        if (!SERVICE.equals(signature.group(4))) {
            return Optional.of(new Refusal("InvalidSignatureException",
                    "Credential should be scoped to correct service: '" + SERVICE + "'"));
        }
        List<String> signedHeaders = Arrays.asList(signature.group(5).split(";"));
        if (!signedHeaders.contains("host") || !signedHeaders.contains("x-amz-date")) {
            return Optional.of(new Refusal("IncompleteSignatureException", "SignedHeaders must include host and x-amz-date"));
        }
        Instant signedAt;
        try {
            signedAt = AMZ_DATE.parse(request.header("x-amz-date").orElse(""), Instant::from);
        } catch (DateTimeParseException notADate) {
            return Optional.of(new Refusal("IncompleteSignatureException", "X-Amz-Date must be a date such as 20260101T120000Z"));
        }
        if (!AMZ_DATE.format(signedAt).startsWith(signature.group(2))) {
            return Optional.of(new Refusal("InvalidSignatureException",
                    "Credential should be scoped to a valid date: the date of X-Amz-Date"));
        }
        Instant now = clock.instant();
        if (Duration.between(signedAt, now).abs().compareTo(ALLOWED_CLOCK_SKEW) > 0) {
            return Optional.of(new Refusal("InvalidSignatureException", "Signature expired: " + AMZ_DATE.format(signedAt)
                    + " is more than 15 minutes from the gateway's time, " + AMZ_DATE.format(now)));
        }
        Optional<String> contentHash = request.header("x-amz-content-sha256");
        if (contentHash.isPresent() && !contentHash.get().equals(sha256(request.body()))) {
            return Optional.of(new Refusal("InvalidSignatureException",
                    "x-amz-content-sha256 is not the SHA-256 of the body: the body must be signed as it is sent"));
        }
        String expected = expectedSignature(request, signature.group(2), signature.group(3), signedHeaders, signedAt);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.group(6).getBytes(StandardCharsets.US_ASCII))
                ? Optional.empty()
                : Optional.of(new Refusal("InvalidSignatureException", MISMATCH));
    }

    /**
     * SigV4 over the request's signed parts with the key as the secret: the canonical request (the path as sent,
     * percent-encoded once more as the SDKs and the CLI do for every service but S3; the query sorted; exactly the
     * headers the client signed; the body's SHA-256), then the HMAC chain of date, region and service.
     */
    private String expectedSignature(SignedRequest request, String date, String region, List<String> signedHeaders,
            Instant signedAt) {
        var canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders) {
            String value = name.equals("host") ? request.host() : request.header(name).orElse("");
            canonicalHeaders.append(name).append(':').append(value.strip().replaceAll(" +", " ")).append('\n');
        }
        String canonicalRequest = String.join("\n", request.method(), encode(request.rawPath(), true),
                canonicalQuery(request.query()), canonicalHeaders, String.join(";", signedHeaders),
                sha256(request.body()));
        String scope = date + "/" + region + "/" + SERVICE + "/aws4_request";
        String stringToSign = String.join("\n", ALGORITHM, AMZ_DATE.format(signedAt), scope,
                sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(hmac(signingKey(date, region), stringToSign));
    }

    private byte[] signingKey(String date, String region) {
        SigningKey latest = latestSigningKey;
        if (latest.date().equals(date) && latest.region().equals(region)) {
            return latest.key();
        }
        byte[] derived = ("AWS4" + key.signingSecret()).getBytes(StandardCharsets.UTF_8);
        for (String part : List.of(date, region, SERVICE, "aws4_request")) {
            derived = hmac(derived, part);
        }
        latestSigningKey = new SigningKey(date, region, derived);
        return derived;
    }

    /** A signing key and the day and region it signs for. */
    private record SigningKey(String date, String region, byte[] key) {}

    private static String canonicalQuery(Map<String, List<String>> query) {
        return query.entrySet().stream()
                .flatMap(parameter -> parameter.getValue().stream()
                        .map(value -> encode(parameter.getKey(), false) + "=" + encode(value, false)))
                .sorted()
                .collect(Collectors.joining("&"));
    }

    /** RFC 3986 percent-encoding of all but the unreserved characters (and {@code /} in a path), as SigV4 asks. */
    private static String encode(String text, boolean path) {
        var encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0
                    || (path && c == '/')) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return encoded.toString();
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every JDK has HmacSHA256", impossible);
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    /** A refused call: the {@code x-amzn-ErrorType} and the message of API Gateway's 403. */
    record Refusal(String errorType, String message) {}
}
