package dev.parley.local;

import dev.parley.chat.domain.model.HistoryWindow;
import dev.parley.chat.domain.model.MessageRateLimit;
import dev.parley.chat.domain.model.ConnectionLimit;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.auth.MintToken;
import dev.parley.chat.auth.SigningKey;
import dev.parley.local.gateway.ApiKey;
import dev.parley.local.gateway.CallbackThrottle;
import dev.parley.local.gateway.LocalGateway;
import dev.parley.chat.adapter.in.lambda.BroadcastWorkerRoute;
import dev.parley.chat.settings.HistoryWindowSettings;
import dev.parley.chat.settings.aws.BroadcastQueueSettings;
import dev.parley.chat.settings.aws.ConnectAuthSettings;
import dev.parley.chat.settings.ConnectionLimitSettings;
import dev.parley.chat.settings.InvalidSettingException;
import dev.parley.chat.settings.RoomSettings;
import dev.parley.chat.settings.SendRateSettings;
import dev.parley.chat.settings.Setting;
import dev.parley.chat.settings.dynamodb.TableSettings;
import dev.parley.chat.settings.TokenSettings;
import dev.parley.chat.auth.TokenRules;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** {@code ParleyLocal}'s command line: the options, their help, and reading them into {@link LocalOptions}. */
final class CommandLine {

    static final String HELP = "--help";
    /** The same variable MintToken signs with, so one export serves both. */
    static final String AUTH_SECRET_VARIABLE = MintToken.SECRET_VARIABLE;
    static final String ADMIN_KEY_VARIABLE = "PARLEY_ADMIN_KEY";
    private static final Pattern SECONDS = Pattern.compile("\\d+(\\.\\d{1,3})?");

    /** Every option; the help lists them in this order. */
    enum Option {
        PORT("--port", "N", "the one port for the WebSocket API, @connections, REST and pages; 0 picks a free one",
                "8080"),
        HOST("--host", "ADDRESS", "the address to listen on (one other machines reach gets a warning); requests must "
                + "name localhost, an IP address or this host in Host, others are refused 421", LocalOptions.DEFAULT_HOST),
        STAGE("--stage", "NAME", "the WebSocket API's stage", "production"),
        REST_STAGE("--rest-stage", "NAME", "the REST API's stage (the broadcast endpoint)", "dev"),
        DYNAMODB_ENDPOINT("--dynamodb-endpoint", "URL", "use this DynamoDB-compatible endpoint instead of starting dynalite",
                "start dynalite"),
        DATA_DIR("--data-dir", "DIR", "keep the started dynalite's data in this folder across runs", "in memory"),
        TABLE(TableSettings.TABLE_NAME, ", created when missing"),
        REGION("--region", "REGION", "the AWS region the handlers are configured with", LocalOptions.DEFAULT_REGION),
        IDLE_TIMEOUT("--idle-timeout", "DURATION", "close connections without a frame from the client for this long "
                + "(seconds, or ISO-8601 such as PT10M)", "PT10M"),
        MAX_DURATION("--max-duration", "DURATION", "close connections after this long (seconds, or ISO-8601 such as PT2H)",
                "PT2H"),
        CALLBACK_LATENCY_MS("--callback-latency-ms", "MS", "delay every @connections call by this many milliseconds", "0"),
        CALLBACK_RATE("--callback-rate", "PER_SECOND", "throttle @connections calls to this rate, answering 429 beyond it",
                "unlimited"),
        CALLBACK_BURST("--callback-burst", "N", "the throttle's burst (needs --callback-rate)", "half the rate"),
        WEB_ROOT("--web-root", "DIR", "serve the pages from this folder", "the bundled pages"),
        SEND_RATE(SendRateSettings.PER_SECOND),
        SEND_BURST(SendRateSettings.BURST),
        MAX_ROOMS_PER_CONNECTION(RoomSettings.MAX_ROOMS_PER_CONNECTION),
        MAX_CONNECTIONS_PER_USER(ConnectionLimitSettings.MAX_CONNECTIONS_PER_USER),
        HISTORY_WINDOW(HistoryWindowSettings.HISTORY_WINDOW),
        HISTORY_RETENTION(HistoryWindowSettings.HISTORY_RETENTION),
        AUTH_SECRET("--auth-secret", "SECRET", "turn authorization on: $connect needs ?token= signed with this secret, "
                + "at least 32 bytes (better in " + AUTH_SECRET_VARIABLE + ", out of the process list)", "off"),
        ADMIN_KEY("--admin-key", "KEY", "with authorization on, the broadcast endpoint needs this key in x-api-key, "
                + "at least 20 characters (or " + ADMIN_KEY_VARIABLE + "); so does @connections, as an x-api-key or as the "
                + "secret access key of a SigV4 signature", "none"),
        /** The functions' setting, on by default exactly when this command line turns authorization on. */
        REQUIRE_AUTH(ConnectAuthSettings.REQUIRE_AUTH.flag().orElseThrow().name(),
                ConnectAuthSettings.REQUIRE_AUTH.flag().orElseThrow().placeholder(),
                ConnectAuthSettings.REQUIRE_AUTH.description() + " (REQUIRE_AUTH); true without --auth-secret refuses "
                        + "every $connect, as a deployment whose authorizer was detached would",
                "true with --auth-secret, false without"),
        SQS_ENDPOINT("--sqs-endpoint", "URL", "use this SQS-compatible endpoint for the broadcast queues instead of "
                + "starting ElasticMQ", "start ElasticMQ"),
        BROADCAST_INLINE_LIMIT(BroadcastQueueSettings.BROADCAST_INLINE_LIMIT),
        BROADCAST_PAGE_SIZE(BroadcastQueueSettings.BROADCAST_PAGE_SIZE),
        BROADCAST_VISIBILITY_TIMEOUT("--broadcast-visibility-timeout", "DURATION", "how long a page a worker took "
                + "stays hidden before it comes back to the queue (whole seconds, or ISO-8601 such as PT9M)",
                BroadcastWorkerRoute.VISIBILITY_TIMEOUT.toString()),
        TOKEN_AUDIENCE(TokenSettings.AUDIENCE, " (with authorization on)"),
        TOKEN_MAX_LIFETIME(TokenSettings.MAX_LIFETIME, " (with authorization on)"),
        WARM_UP("--warm-up", "true|false", "before printing where it listens, send up to " + LocalWarmUp.ROUNDS
                + " rounds of messages between " + LocalWarmUp.CLIENTS + " internal clients in the room "
                + LocalWarmUp.ROOM + " (a few seconds), so that the first users' messages do not wait while a fresh "
                + "JVM loads and compiles the chat's path", "true");

        final String flag;
        final String value;
        final String description;
        final String byDefault;

        Option(String flag, String value, String description, String byDefault) {
            this.flag = flag;
            this.value = value;
            this.description = description;
            this.byDefault = byDefault;
        }

        Option(Setting<?> setting) {
            this(setting, "");
        }

        /** An option that sets one of the functions' settings: its name, range and default are the setting's. */
        <T> Option(Setting<T> setting, String localNote) {
            this(setting.flag().orElseThrow().name(), setting.flag().orElseThrow().placeholder(),
                    setting.description() + localNote + "; " + setting.range(), setting.format(setting.defaultValue()));
        }

        static Optional<Option> named(String flag) {
            return Arrays.stream(values()).filter(option -> option.flag.equals(flag)).findFirst();
        }
    }

    private CommandLine() {}

    static boolean asksForHelp(String... args) {
        return Arrays.asList(args).contains(HELP) || Arrays.asList(args).contains("-h");
    }

    static String usage() {
        var usage = new StringBuilder("""
                Usage: java -jar chat-local/target/chat-local.jar [OPTION VALUE]...

                Runs all of Parley on one machine: an API Gateway WebSocket emulator driving the real Lambda handlers,
                on dynalite (or another DynamoDB-compatible endpoint). Options take their value as the next argument
                or after '=', as in --port=0.

                """);
        for (Option option : Option.values()) {
            usage.append(String.format("  %-32s %s (default: %s)%n", option.flag + " " + option.value,
                    option.description, option.byDefault));
        }
        usage.append(String.format("  %-32s %s%n", HELP, "show this help"));
        return usage.toString();
    }

    /** The options; an {@link IllegalArgumentException} says which one is wrong and why. */
    static LocalOptions parse(String... args) {
        return parse(Map.of(), args);
    }

    /** The options, with the secrets taken from {@code environment} where the arguments do not give them. */
    static LocalOptions parse(Map<String, String> environment, String... args) {
        LocalOptions defaults = LocalOptions.defaults();
        var values = new Values(defaults);
        values.secretsFrom(environment);
        Set<Option> seen = EnumSet.noneOf(Option.class);
        for (int index = 0; index < args.length; index++) {
            String argument = args[index];
            int equals = argument.indexOf('=');
            String flag = equals < 0 ? argument : argument.substring(0, equals);
            Option option = Option.named(flag).orElseThrow(() -> new IllegalArgumentException(
                    "unknown option '" + argument + "'; the options are " + Arrays.stream(Option.values())
                            .map(known -> known.flag).collect(Collectors.joining(", "))));
            if (!seen.add(option)) {
                throw new IllegalArgumentException(flag + " is given twice");
            }
            String value;
            if (equals >= 0) {
                value = argument.substring(equals + 1);
            } else if (index + 1 < args.length) {
                value = args[++index];
            } else {
                throw new IllegalArgumentException(flag + " needs a value: " + flag + " " + option.value);
            }
            try {
                values.set(option, value);
            } catch (InvalidSettingException named) {
                throw named; // already names the option and its range
            } catch (IllegalArgumentException | DateTimeParseException wrong) {
                throw new IllegalArgumentException(flag + " " + value + ": " + wrong.getMessage(), wrong);
            }
        }
        return values.toOptions();
    }

    /** The options read so far. */
    private static final class Values {

        private String host;
        private int port;
        private String stage;
        private String restStage;
        private Optional<URI> dynamoDbEndpoint;
        private Optional<Path> dataDir;
        private String table;
        private String region;
        private Duration idleTimeout;
        private Duration maxDuration;
        private Duration callbackLatency;
        private Optional<Double> callbackRate = Optional.empty();
        private Optional<Integer> callbackBurst = Optional.empty();
        private Optional<Path> webRoot;
        private double sendRate;
        private int sendBurst;
        private int maxRooms;
        private int maxConnections;
        private int historyWindow;
        private Duration historyRetention;
        private Optional<String> authSecret = Optional.empty();
        private Optional<String> adminKey = Optional.empty();
        private Optional<Boolean> requireAuth = Optional.empty();
        private Optional<URI> sqsEndpoint;
        private int broadcastInlineLimit;
        private int broadcastPageSize;
        private Duration broadcastVisibilityTimeout;
        private String tokenAudience = TokenSettings.AUDIENCE.defaultValue();
        private Duration tokenMaxLifetime = TokenSettings.MAX_LIFETIME.defaultValue();
        private boolean warmUp;

        Values(LocalOptions defaults) {
            host = defaults.host();
            port = defaults.port();
            stage = defaults.stage();
            restStage = defaults.restStage();
            dynamoDbEndpoint = defaults.dynamoDbEndpoint();
            dataDir = defaults.dataDir();
            table = defaults.table();
            region = defaults.region();
            idleTimeout = defaults.idleTimeout();
            maxDuration = defaults.maxDuration();
            callbackLatency = defaults.callbackLatency();
            webRoot = defaults.webRoot();
            sendRate = defaults.sendRateLimit().perSecond();
            sendBurst = defaults.sendRateLimit().burst();
            maxRooms = defaults.roomLimit().maxRoomsPerConnection();
            maxConnections = defaults.connectionLimit().maxConnectionsPerUser();
            historyWindow = defaults.historyWindow().maxMessages();
            historyRetention = defaults.historyWindow().retention();
            sqsEndpoint = defaults.broadcastQueue().sqsEndpoint();
            broadcastInlineLimit = defaults.broadcastQueue().settings().inlineLimit();
            broadcastPageSize = defaults.broadcastQueue().settings().pageSize();
            broadcastVisibilityTimeout = defaults.broadcastQueue().visibilityTimeout();
            warmUp = defaults.warmUp();
        }

        void secretsFrom(Map<String, String> environment) {
            authSecret = Optional.ofNullable(environment.get(AUTH_SECRET_VARIABLE)).filter(secret -> !secret.isEmpty());
            adminKey = Optional.ofNullable(environment.get(ADMIN_KEY_VARIABLE)).filter(key -> !key.isEmpty());
        }

        void set(Option option, String value) {
            switch (option) {
                case PORT -> port = wholeNumber(value);
                case HOST -> host = value;
                case STAGE -> stage = LocalGateway.requireStage(value);
                case REST_STAGE -> restStage = LocalGateway.requireStage(value);
                case DYNAMODB_ENDPOINT -> dynamoDbEndpoint = Optional.of(httpUrl(value));
                case DATA_DIR -> dataDir = Optional.of(Path.of(value));
                case TABLE -> table = TableSettings.TABLE_NAME.fromFlag(value);
                case REGION -> region = value;
                case IDLE_TIMEOUT -> idleTimeout = duration(value);
                case MAX_DURATION -> maxDuration = duration(value);
                case CALLBACK_LATENCY_MS -> callbackLatency = Duration.ofMillis(wholeNumber(value));
                case CALLBACK_RATE -> callbackRate = Optional.of(positiveNumber(value));
                case CALLBACK_BURST -> callbackBurst = Optional.of(wholeNumber(value));
                case WEB_ROOT -> webRoot = Optional.of(Path.of(value));
                case SEND_RATE -> sendRate = SendRateSettings.PER_SECOND.fromFlag(value);
                case SEND_BURST -> sendBurst = SendRateSettings.BURST.fromFlag(value);
                case MAX_ROOMS_PER_CONNECTION -> maxRooms = RoomSettings.MAX_ROOMS_PER_CONNECTION.fromFlag(value);
                case MAX_CONNECTIONS_PER_USER ->
                        maxConnections = ConnectionLimitSettings.MAX_CONNECTIONS_PER_USER.fromFlag(value);
                case HISTORY_WINDOW -> historyWindow = HistoryWindowSettings.HISTORY_WINDOW.fromFlag(value);
                case HISTORY_RETENTION -> historyRetention = HistoryWindowSettings.HISTORY_RETENTION.fromFlag(value);
                // Checked in toOptions(), whose messages never repeat a secret.
                case AUTH_SECRET -> authSecret = Optional.of(value);
                case ADMIN_KEY -> adminKey = Optional.of(value);
                case REQUIRE_AUTH -> requireAuth = Optional.of(ConnectAuthSettings.REQUIRE_AUTH.fromFlag(value));
                case SQS_ENDPOINT -> sqsEndpoint = Optional.of(httpUrl(value));
                case BROADCAST_INLINE_LIMIT ->
                        broadcastInlineLimit = BroadcastQueueSettings.BROADCAST_INLINE_LIMIT.fromFlag(value);
                case BROADCAST_PAGE_SIZE -> broadcastPageSize = BroadcastQueueSettings.BROADCAST_PAGE_SIZE.fromFlag(value);
                case BROADCAST_VISIBILITY_TIMEOUT -> broadcastVisibilityTimeout = duration(value);
                case TOKEN_AUDIENCE -> tokenAudience = TokenSettings.AUDIENCE.fromFlag(value);
                case TOKEN_MAX_LIFETIME -> tokenMaxLifetime = TokenSettings.MAX_LIFETIME.fromFlag(value);
                case WARM_UP -> warmUp = trueOrFalse(value);
            }
        }

        LocalOptions toOptions() {
            if (callbackBurst.isPresent() && callbackRate.isEmpty()) {
                throw new IllegalArgumentException("--callback-burst needs --callback-rate");
            }
            Optional<CallbackThrottle> throttle = callbackRate.map(rate -> callbackBurst
                    .map(burst -> new CallbackThrottle(rate, burst))
                    .orElseGet(() -> CallbackThrottle.withDefaultBurst(rate)));
            Optional<LocalAuthorization> authorization = authorization();
            return new LocalOptions(host, port, stage, restStage, dynamoDbEndpoint, dataDir, table, region,
                    idleTimeout, maxDuration, callbackLatency, throttle, webRoot, new MessageRateLimit(sendRate, sendBurst),
                    new RoomLimit(maxRooms), new ConnectionLimit(maxConnections),
                    new HistoryWindow(historyWindow, historyRetention), authorization,
                    requireAuth.orElse(authorization.isPresent()),
                    new LocalBroadcastQueue(sqsEndpoint, new BroadcastQueueSettings(broadcastInlineLimit,
                            broadcastPageSize), broadcastVisibilityTimeout), warmUp);
        }

        /** Both secrets or neither: with authorization on, the broadcast endpoint is protected too. */
        private Optional<LocalAuthorization> authorization() {
            if (authSecret.isEmpty() && adminKey.isEmpty()) {
                return Optional.empty();
            }
            if (adminKey.isEmpty()) {
                throw new IllegalArgumentException("--auth-secret needs --admin-key (or " + ADMIN_KEY_VARIABLE + ") too: "
                        + "with authorization on, the broadcast endpoint takes only callers with the key");
            }
            if (authSecret.isEmpty()) {
                throw new IllegalArgumentException("--admin-key needs --auth-secret (or " + AUTH_SECRET_VARIABLE + "): "
                        + "the key protects the broadcast endpoint when authorization is on");
            }
            SigningKey signingSecret;
            ApiKey key;
            try {
                signingSecret = SigningKey.fromText(authSecret.get());
            } catch (IllegalArgumentException weak) {
                throw new IllegalArgumentException("--auth-secret: " + weak.getMessage());
            }
            try {
                key = new ApiKey(adminKey.get());
            } catch (IllegalArgumentException weak) {
                throw new IllegalArgumentException("--admin-key: " + weak.getMessage());
            }
            return Optional.of(new LocalAuthorization(signingSecret, key, new TokenRules(tokenAudience, tokenMaxLifetime)));
        }

        private static boolean trueOrFalse(String value) {
            return switch (value) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("must be true or false");
            };
        }

        private static int wholeNumber(String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException("not a whole number");
            }
        }

        private static double positiveNumber(String value) {
            try {
                double number = Double.parseDouble(value);
                if (number > 0 && !Double.isInfinite(number)) {
                    return number;
                }
            } catch (NumberFormatException notANumber) {
                // falls through to the error below
            }
            throw new IllegalArgumentException("not a positive number");
        }

        /** Seconds (with up to three decimals), or an ISO-8601 duration such as {@code PT10M}. */
        private static Duration duration(String value) {
            if (SECONDS.matcher(value).matches()) {
                return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
            }
            try {
                return Duration.parse(value);
            } catch (DateTimeParseException notIso) {
                throw new IllegalArgumentException("neither seconds nor an ISO-8601 duration such as PT10M");
            }
        }

        private static URI httpUrl(String value) {
            try {
                URI uri = URI.create(value);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return uri;
                }
            } catch (IllegalArgumentException malformed) {
                // falls through to the error below
            }
            throw new IllegalArgumentException("not an http(s) URL such as http://127.0.0.1:8000");
        }
    }
}
