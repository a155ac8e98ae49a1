package dev.parley.bench.load;

import dev.parley.local.LocalOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/**
 * A running Parley in this JVM ({@link LoadTarget}: chat-local's gateway, handlers and dynalite, or chat-server) with
 * its defaults (the send limit included) on a free loopback port, and N real WebSocket clients connected to it.
 * The clients share one java.net.http client and a small pool for its callbacks, not a thread each.
 */
public final class ChatRoom implements AutoCloseable {

    /** Callbacks of every client; receiving a frame is short work. */
    private static final int CLIENT_THREADS = 2;
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final int HANDSHAKES_AT_ONCE = 10;

    private final LoadTarget target;
    private final ExecutorService clientThreads;
    private final Traffic traffic = new Traffic();
    private final List<LoadClient> clients = new ArrayList<>();

    private ChatRoom(LoadTarget target, ExecutorService clientThreads) {
        this.target = target;
        this.clientThreads = clientThreads;
    }

    /** Starts chat-local and connects {@code clients} clients, every handshake done (with its $connect) on return. */
    public static ChatRoom open(int clients, Duration connectTimeout) {
        return open(Transport.CHAT_LOCAL, clients, connectTimeout);
    }

    /** Starts {@code transport}'s Parley and connects {@code clients} clients, every handshake done on return. */
    public static ChatRoom open(Transport transport, int clients, Duration connectTimeout) {
        return open(transport.start(), clients, connectTimeout);
    }

    /** Connects {@code clients} clients to a started {@code target}, every handshake done on return. */
    static ChatRoom open(LoadTarget target, int clients, Duration connectTimeout) {
        return open(target, clients, connectTimeout, index -> "name=load-" + index);
    }

    /**
     * As {@link #open(int, Duration)}, with authorization on: {@code users} signs each client's token, of a user of its
     * own ({@code load-<index>}), and the connections are those users'.
     */
    public static ChatRoom openAuthorized(int clients, Duration connectTimeout, LoadUsers users) {
        return open(LoadTarget.ChatLocal.start(LocalOptions.parse("--port", "0", "--auth-secret", users.secret(),
                "--admin-key", users.adminKey())), clients, connectTimeout,
                index -> "token=" + users.token("load-" + index));
    }

    private static ChatRoom open(LoadTarget target, int clients, Duration connectTimeout,
            IntFunction<String> query) {
        var room = new ChatRoom(target, Executors.newFixedThreadPool(CLIENT_THREADS, daemonThreads("load-client-")));
        try {
            room.connect(clients, connectTimeout, query);
            return room;
        } catch (RuntimeException failure) {
            room.close();
            throw new IllegalStateException(failure.getMessage() + "; " + target.activity().problems(), failure);
        }
    }

    private void connect(int count, Duration timeout, IntFunction<String> query) {
        HttpClient http = HttpClient.newBuilder().executor(clientThreads).build();
        URI stage = target.webSocket();
        List<CompletableFuture<WebSocket>> handshakes = new ArrayList<>();
        // At most HANDSHAKES_AT_ONCE at a time: a hundred $connects at once from a cold JVM on busy cores made their
        // DynamoDB calls outlast the client's 5 s call timeout (500s), which is the cold start's problem, not the run's.
        Semaphore handshaking = new Semaphore(HANDSHAKES_AT_ONCE);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (int index = 0; index < count; index++) {
                var client = new LoadClient(new Ledger(index, count), traffic);
                clients.add(client);
                if (!handshaking.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    throw new TimeoutException(index + " handshakes started");
                }
                handshakes.add(http.newWebSocketBuilder().connectTimeout(timeout)
                        .buildAsync(URI.create(stage + "?" + query.apply(index)), client)
                        .whenComplete((socket, failure) -> handshaking.release())
                        .thenApply(socket -> {
                            client.connected(socket);
                            return socket;
                        }));
            }
            CompletableFuture.allOf(handshakes.toArray(CompletableFuture<?>[]::new))
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (Exception failure) {
            throw new IllegalStateException("not every one of " + count + " clients connected within " + timeout
                    + ": " + failure, failure);
        }
    }

    public List<LoadClient> clients() {
        return List.copyOf(clients);
    }

    public List<Ledger> ledgers() {
        return clients.stream().map(LoadClient::ledger).toList();
    }

    public Traffic traffic() {
        return traffic;
    }

    public LoadTarget target() {
        return target;
    }

    /** The chat socket's address; a client adds its query. */
    public URI webSocket() {
        return target.webSocket();
    }

    /** The dynalite process the Parley keeps its tables in, if it has one. */
    public Optional<ProcessHandle> dynalite() {
        return target.dynalite();
    }

    /** Messages received, once each, by every client together. */
    public long received() {
        return clients.stream().mapToLong(client -> client.ledger().received()).sum();
    }

    /** Messages acknowledged to their senders. */
    public long acknowledged() {
        return clients.stream().mapToLong(client -> client.ledger().acknowledged()).sum();
    }

    /** Messages sent by every client together. */
    public long sent() {
        return clients.stream().mapToLong(client -> client.ledger().sent()).sum();
    }

    /**
     * Sends {@code rate} messages a second in all, the clients taking turns, for {@code duration}; returns when the
     * last is sent.
     */
    public void sendSteadily(int rate, Duration duration) {
        if (rate < 1) {
            throw new IllegalArgumentException("the rate must be at least 1 message a second, not " + rate);
        }
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(daemonThreads("steady-sender-"));
        AtomicLong next = new AtomicLong();
        try {
            sender.scheduleAtFixedRate(() -> clients.get((int) (next.getAndIncrement() % clients.size())).send(), 0,
                    1_000_000_000L / rate, TimeUnit.NANOSECONDS);
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        } finally {
            sender.shutdownNow();
        }
    }

    /**
     * Waits until every message sent so far was acknowledged and reached every other client once, or until
     * {@code deadlineNanos} ({@link System#nanoTime()}); true when everything arrived.
     */
    public boolean drain(long deadlineNanos) {
        long expected = sent() * (clients.size() - 1);
        return awaitUntil(() -> acknowledged() == sent() && received() == expected, deadlineNanos);
    }

    /** Polls {@code condition} until it holds or {@code deadlineNanos} ({@link System#nanoTime()}) passes. */
    public static boolean awaitUntil(BooleanSupplier condition, long deadlineNanos) {
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() >= deadlineNanos) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting", e);
            }
        }
        return true;
    }

    /** Closes every client normally, then stops Parley (chat-local: dynalite last). */
    @Override
    public void close() {
        try {
            CompletableFuture.allOf(clients.stream().map(LoadClient::close).toArray(CompletableFuture<?>[]::new))
                    .get(CLOSE_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notAllClosed) {
            // Stopping the gateway below ends whatever is left.
        } finally {
            try {
                target.close();
            } finally {
                clientThreads.shutdownNow();
            }
        }
    }

    /** Daemon threads named {@code prefix} and a number: a run that fails cannot be kept alive by them. */
    public static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
