package dev.parley.chat.server;

import dev.parley.chat.auth.TokenRules;
import dev.parley.chat.domain.model.ConnectionLimit;
import dev.parley.chat.domain.model.HistoryWindow;
import dev.parley.chat.domain.model.MessageRateLimit;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.settings.ConnectionLimitSettings;
import dev.parley.chat.settings.HistoryWindowSettings;
import dev.parley.chat.settings.RoomSettings;
import dev.parley.chat.settings.SendRateSettings;
import dev.parley.chat.settings.Setting;
import dev.parley.chat.settings.TokenSettings;
import dev.parley.chat.settings.dynamodb.TableSettings;
import dev.parley.chat.wiring.domain.DomainSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * chat-server's command line. Every option is checked here, so a wrong one is named before anything starts. The
 * settings of the use cases and of the tokens are chat-local's options, read through their one owner
 * ({@link Setting}): the same flag, range, default and message.
 *
 * @param signingSecretFile with it, every connection needs a token signed with this secret (HS256), as the deployed
 *     authorizer demands, and broadcasting an administrator's token; without it, anyone connects under a name
 * @param tokenRules        what a token must name and how long it may live, with a signing secret
 * @param domain            the send rate, room and connection limits and history window the use cases enforce
 * @param dynamoDb          with it, the connections, rooms, limits and history are kept in DynamoDB, not in memory
 */
public record ServerOptions(String host, int port, Optional<Path> signingSecretFile, TokenRules tokenRules,
        int outboxFrames, DomainSettings domain, Optional<DynamoDbOptions> dynamoDb) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    /** Frames one socket may have waiting before it is refused more: a client that stops reading fills no heap. */
    public static final int DEFAULT_OUTBOX_FRAMES = 1024;

    /** An option as the help shows it. */
    private record Option(String flag, String placeholder, String description, String byDefault) {

        /** One of the settings' own options: its flag, range and default are the setting's. */
        static <T> Option of(Setting<T> setting) {
            Setting.Flag flag = setting.flag().orElseThrow();
            return new Option(flag.name(), flag.placeholder(), setting.description() + "; " + setting.range(),
                    setting.format(setting.defaultValue()));
        }
    }

    private static final List<Option> OPTIONS = Stream.concat(Stream.of(
                    new Option("--host", "HOST", "the address to listen on (0.0.0.0 for every interface)", DEFAULT_HOST),
                    new Option("--port", "PORT", "the port, 0 to 65535; 0 picks a free one", String.valueOf(DEFAULT_PORT)),
                    new Option("--signing-secret-file", "FILE", "require tokens signed (HS256) with the secret in FILE, "
                            + "32 bytes or more: to chat (?token=) and, with \"role\":\"admin\", to broadcast "
                            + "(Authorization: Bearer)", "off: anyone may connect under a name of their choosing"),
                    new Option("--outbox-frames", "N", "frames one client may have waiting before it is refused more; "
                            + "1 or more", String.valueOf(DEFAULT_OUTBOX_FRAMES)),
                    new Option("--dynamodb-endpoint", "URL", "keep the state in the local DynamoDB (such as dynalite) at URL, "
                            + "signed to with dummy credentials; its tables are created when missing",
                            "off: in memory, or AWS's DynamoDB with --table"),
                    Option.of(TableSettings.TABLE_NAME),
                    new Option("--region", "REGION", "the AWS region of DynamoDB, with --dynamodb-endpoint or --table",
                            DynamoDbOptions.DEFAULT_REGION)),
            Stream.of(SendRateSettings.PER_SECOND, SendRateSettings.BURST, RoomSettings.MAX_ROOMS_PER_CONNECTION,
                    ConnectionLimitSettings.MAX_CONNECTIONS_PER_USER, HistoryWindowSettings.HISTORY_WINDOW,
                    HistoryWindowSettings.HISTORY_RETENTION, TokenSettings.AUDIENCE, TokenSettings.MAX_LIFETIME)
                    .map(Option::of))
            .toList();

    public static final String HELP = """
            Usage: java -jar chat-server.jar [OPTION VALUE]...

            Parley on one machine: the WebSocket chat at /chat, the REST broadcast at POST /broadcastmessage, the chat
            and broadcast pages at /, and /health, on one port, with everything kept in memory, or in DynamoDB
            (--dynamodb-endpoint URL for a local one such as dynalite; --table NAME for the deployment's tables in
            AWS, with the default AWS credentials). One node only: beyond one, deploy to AWS, where API Gateway
            scales the connections. Options take their value as the next argument or after '=', as in --port=0.

            """ + OPTIONS.stream()
            .map(option -> String.format("  %-32s %s (default: %s)%n", option.flag() + " " + option.placeholder(),
                    option.description(), option.byDefault()))
            .collect(Collectors.joining()) + String.format("  %-32s %s%n", "--help", "this text") + """

            Logs are JSON, one object a line, on standard output. SIGTERM (Ctrl-C) closes every socket with 1001
            after what it was already sent, then stops.
            """;

    public ServerOptions {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be from 0 to 65535, not " + port);
        }
        Objects.requireNonNull(signingSecretFile, "signing secret file");
        Objects.requireNonNull(tokenRules, "token rules");
        if (outboxFrames < 1) {
            throw new IllegalArgumentException("--outbox-frames must be 1 or more, not " + outboxFrames);
        }
        Objects.requireNonNull(domain, "domain settings");
        Objects.requireNonNull(dynamoDb, "DynamoDB options");
    }

    /** The defaults: loopback, port 8080, no authorization, every setting's default. */
    public static ServerOptions defaults() {
        return parse();
    }

    /** Reads the arguments; {@code --help} is the caller's to look for first. */
    public static ServerOptions parse(String... args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String argument = args[i];
            int equals = argument.indexOf('=');
            String flag = equals < 0 ? argument : argument.substring(0, equals);
            if (OPTIONS.stream().noneMatch(option -> option.flag().equals(flag))) {
                throw new IllegalArgumentException("unknown option '" + flag + "'; see --help");
            }
            String value;
            if (equals >= 0) {
                value = argument.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            if (given.put(flag, value) != null) {
                throw new IllegalArgumentException(flag + " is given twice");
            }
        }
        return new ServerOptions(
                given.getOrDefault("--host", DEFAULT_HOST),
                Optional.ofNullable(given.get("--port")).map(port -> number("--port", port)).orElse(DEFAULT_PORT),
                Optional.ofNullable(given.get("--signing-secret-file")).map(Path::of),
                new TokenRules(read(TokenSettings.AUDIENCE, given), read(TokenSettings.MAX_LIFETIME, given)),
                Optional.ofNullable(given.get("--outbox-frames")).map(frames -> number("--outbox-frames", frames))
                        .orElse(DEFAULT_OUTBOX_FRAMES),
                new DomainSettings(
                        new MessageRateLimit(read(SendRateSettings.PER_SECOND, given),
                                read(SendRateSettings.BURST, given)),
                        new RoomLimit(read(RoomSettings.MAX_ROOMS_PER_CONNECTION, given)),
                        new ConnectionLimit(read(ConnectionLimitSettings.MAX_CONNECTIONS_PER_USER, given)),
                        new HistoryWindow(read(HistoryWindowSettings.HISTORY_WINDOW, given),
                                read(HistoryWindowSettings.HISTORY_RETENTION, given))),
                dynamoDb(given));
    }

    /** DynamoDB when an endpoint or a table is named; a region alone is a mistake worth naming. */
    private static Optional<DynamoDbOptions> dynamoDb(Map<String, String> given) {
        Optional<URI> endpoint = Optional.ofNullable(given.get("--dynamodb-endpoint")).map(ServerOptions::url);
        if (endpoint.isEmpty() && !given.containsKey(TableSettings.TABLE_NAME.flag().orElseThrow().name())) {
            if (given.containsKey("--region")) {
                throw new IllegalArgumentException("--region is DynamoDB's: give --dynamodb-endpoint or --table too");
            }
            return Optional.empty();
        }
        return Optional.of(new DynamoDbOptions(endpoint, given.getOrDefault("--region", DynamoDbOptions.DEFAULT_REGION),
                read(TableSettings.TABLE_NAME, given)));
    }

    private static URI url(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException notAUrl) {
            throw new IllegalArgumentException("--dynamodb-endpoint must be an http or https URL such as "
                    + "http://127.0.0.1:8000, not '" + text + "'");
        }
    }

    /** The setting's value under its flag, parsed by its owner, or its default. */
    private static <T> T read(Setting<T> setting, Map<String, String> given) {
        String text = given.get(setting.flag().orElseThrow().name());
        return text == null ? setting.defaultValue() : setting.fromFlag(text);
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }
}
