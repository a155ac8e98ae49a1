package dev.parley.chat.server;

import dev.parley.chat.auth.TokenRules;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * chat-server's command line. Every option is checked here, so a wrong one is named before anything starts.
 *
 * @param signingSecretFile with it, every connection needs a token signed with this secret (HS256), as the deployed
 *     authorizer demands, and broadcasting an administrator's token; without it, anyone connects under a name
 */
public record ServerOptions(String host, int port, Optional<Path> signingSecretFile, String tokenAudience,
        int outboxFrames) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    /** Frames one socket may have waiting before it is refused more: a client that stops reading fills no heap. */
    public static final int DEFAULT_OUTBOX_FRAMES = 1024;

    public static final String HELP = """
            Usage: java -jar chat-server.jar [options]

            Parley on one machine: the WebSocket chat at /chat, the REST broadcast at POST /broadcastmessage, the chat
            and broadcast pages at /, and /health, on one port, with everything kept in memory. One node only: beyond
            one, deploy to AWS, where API Gateway scales the connections.

              --host HOST                 the address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
              --port PORT                 the port, 0 to 65535 (default 8080; 0 picks a free one)
              --signing-secret-file FILE  require tokens signed (HS256) with the secret in FILE, 32 bytes or more: to
                                          chat (?token=) and, with "role":"admin", to broadcast (Authorization: Bearer);
                                          without it, anyone may connect under a name of their choosing
              --token-audience AUDIENCE   the audience tokens must name (default parley)
              --outbox-frames N           frames one client may have waiting before it is refused more (default 1024)
              --help                      this text

            Logs are JSON, one object a line, on standard output. SIGTERM (Ctrl-C) closes every socket with 1001
            after what it was already sent, then stops.
            """;

    public ServerOptions {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be from 0 to 65535, not " + port);
        }
        Objects.requireNonNull(signingSecretFile, "signing secret file");
        TokenRules.requireValidAudience(tokenAudience);
        if (outboxFrames < 1) {
            throw new IllegalArgumentException("--outbox-frames must be 1 or more, not " + outboxFrames);
        }
    }

    /** The defaults: loopback, port 8080, no authorization. */
    public static ServerOptions defaults() {
        return new ServerOptions(DEFAULT_HOST, DEFAULT_PORT, Optional.empty(), TokenRules.DEFAULT_AUDIENCE,
                DEFAULT_OUTBOX_FRAMES);
    }

    /** Reads the arguments; {@code --help} is the caller's to look for first. */
    public static ServerOptions parse(String... args) {
        ServerOptions options = defaults();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(known(name) ? name + " needs a value" : unknown(name));
            }
            String value = args[++i];
            options = switch (name) {
                case "--host" -> new ServerOptions(value, options.port, options.signingSecretFile,
                        options.tokenAudience, options.outboxFrames);
                case "--port" -> new ServerOptions(options.host, number(name, value), options.signingSecretFile,
                        options.tokenAudience, options.outboxFrames);
                case "--signing-secret-file" -> new ServerOptions(options.host, options.port,
                        Optional.of(Path.of(value)), options.tokenAudience, options.outboxFrames);
                case "--token-audience" -> new ServerOptions(options.host, options.port, options.signingSecretFile,
                        value, options.outboxFrames);
                case "--outbox-frames" -> new ServerOptions(options.host, options.port, options.signingSecretFile,
                        options.tokenAudience, number(name, value));
                default -> throw new IllegalArgumentException(unknown(name));
            };
        }
        return options;
    }

    private static boolean known(String name) {
        return HELP.contains("  " + name + " ");
    }

    private static String unknown(String name) {
        return "unknown option '" + name + "'; see --help";
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }
}
