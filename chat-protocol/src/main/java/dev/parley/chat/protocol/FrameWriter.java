package dev.parley.chat.protocol;

import com.fasterxml.jackson.jr.ob.JSON;
import com.fasterxml.jackson.jr.ob.comp.ArrayComposer;
import com.fasterxml.jackson.jr.ob.comp.ComposerBase;
import com.fasterxml.jackson.jr.ob.comp.ObjectComposer;
import dev.parley.chat.domain.model.BroadcastMessage;
import dev.parley.chat.domain.model.BroadcastProgress;
import dev.parley.chat.domain.model.BroadcastState;
import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.ClientMessageId;
import dev.parley.chat.domain.model.HistoryDelivery;
import dev.parley.chat.domain.model.HistoryHead;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.MemberPage;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.OutgoingMessage;
import dev.parley.chat.domain.model.PresenceEvent;
import dev.parley.chat.domain.model.RoomCatchup;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.SendReceipt;
import dev.parley.chat.domain.model.StoredMessage;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.in.BroadcastReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The writer of everything Parley sends: one JSON object per WebSocket frame (messages, broadcasts and presence events
 * to their recipients; acknowledgements, room answers, pongs and errors to the sender), and the broadcast endpoint's
 * report and error bodies.
 */
public final class FrameWriter {

    private static final long NANOS_PER_MILLI = 1_000_000;

    public FrameWriter() {}

    /**
     * The most UTF-8 bytes Parley puts in one frame: under API Gateway's 32 KB frame size (and so its 128 KB message
     * size), in either reading of "KB".
     */
    public static final int MAX_FRAME_BYTES = 32_000;
    /** Void seqs per {@code void} frame: 1,500 of 16 digits and a comma stay under {@link #MAX_FRAME_BYTES}. */
    static final int VOIDS_PER_FRAME = 1_500;

    /** The frame every recipient of {@code message} receives, for a message that takes one ({@link #frames}). */
    public byte[] encode(OutgoingMessage message) {
        String frame;
        if (message instanceof ChatMessage chat) {
            frame = chatMessage(chat, false);
        } else if (message instanceof BroadcastMessage broadcast) {
            frame = broadcast(broadcast);
        } else if (message instanceof PresenceEvent presence) {
            frame = presence(presence);
        } else {
            throw new IllegalArgumentException(message.getClass().getSimpleName() + " may take several frames");
        }
        return frame.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The frames each recipient of {@code message} receives, in order: one for a chat message, broadcast or presence
     * event; for a catch-up, {@code joined}, then {@code gap} if any, the replayed messages one a frame, and
     * {@code void} if any; for a history page, {@code history} frames of as many messages as fit
     * {@link #MAX_FRAME_BYTES}.
     */
    public List<byte[]> frames(OutgoingMessage message) {
        List<String> frames;
        if (message instanceof RoomCatchup catchup) {
            frames = catchup(catchup);
        } else if (message instanceof HistoryDelivery history) {
            frames = history(history);
        } else {
            return List.of(encode(message));
        }
        return frames.stream().map(frame -> frame.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /**
     * {@code {"type":"message","id","from","name","userId"?,"message","sentAt","direct","room"?,"seq"?,"replay"?}}: the
     * sender's user id when it has one, the room unless the message is direct, its seq in the room's history when
     * stored there, and {@code "replay":true} when a resuming client is sent it again.
     */
    private static String chatMessage(ChatMessage message, boolean replay) {
        return compose(object -> {
            ObjectComposer<?> fields = withRoom(withUserId(object
                    .put("type", "message")
                    .put("id", message.id().toString())
                    .put("from", message.from().value())
                    .put("name", message.senderName().value()), message.senderUserId())
                    .put(FieldNames.MESSAGE, message.text().value())
                    .put("sentAt", message.sentAt().toString())
                    .put("direct", message.direct()), message.room());
            if (message.seq().isPresent()) {
                fields = fields.put("seq", message.seq().getAsLong());
            }
            return replay ? fields.put("replay", true) : fields;
        });
    }

    private static List<String> catchup(RoomCatchup catchup) {
        Optional<String> clientId = catchup.requestId().map(ClientMessageId::value);
        var frames = new ArrayList<String>();
        frames.add(joinedFrame(catchup.room(), catchup.members(), catchup.head(), clientId));
        catchup.catchup().gap().ifPresent(gap -> frames.add(compose(object -> object
                .put("type", "gap")
                .put(FieldNames.ROOM, catchup.room().value())
                .put("from", gap.from())
                .put("to", gap.to())
                .put("reason", gap.reason().name().toLowerCase(Locale.ROOT)))));
        catchup.catchup().messages().forEach(stored -> frames.add(chatMessage(stored.message(), true)));
        List<Long> voids = catchup.catchup().voids();
        for (int from = 0; from < voids.size(); from += VOIDS_PER_FRAME) {
            List<Long> some = voids.subList(from, Math.min(voids.size(), from + VOIDS_PER_FRAME));
            frames.add(compose(object -> {
                ArrayComposer<? extends ObjectComposer<?>> seqs = object
                        .put("type", "void")
                        .put(FieldNames.ROOM, catchup.room().value())
                        .startArrayField("void");
                for (long seq : some) {
                    seqs.add(seq);
                }
                return seqs.end();
            }));
        }
        return frames;
    }

    /**
     * {@code {"type":"history","room","messages":[...],"more","continues"?}}: a page of messages (message frames'
     * objects, oldest first) in as few frames as fit; each but the last says {@code "continues":true}, and
     * {@code more} says whether older messages are kept. A message too big to share a frame has one of its own.
     */
    private static List<String> history(HistoryDelivery delivery) {
        Optional<String> clientId = delivery.requestId().map(ClientMessageId::value);
        String room = delivery.page().room().value();
        boolean more = delivery.page().more();
        // The longest a frame's fields around its messages can be: with continues, more and the client id.
        int envelope = historyFrame(room, List.of(), true, more, clientId).getBytes(StandardCharsets.UTF_8).length;
        var frames = new ArrayList<String>();
        var batch = new ArrayList<String>();
        int size = envelope;
        for (StoredMessage stored : delivery.page().messages()) {
            String message = chatMessage(stored.message(), false);
            int bytes = message.getBytes(StandardCharsets.UTF_8).length + 1;
            if (!batch.isEmpty() && size + bytes > MAX_FRAME_BYTES) {
                frames.add(historyFrame(room, batch, true, more, clientId));
                batch = new ArrayList<>();
                size = envelope;
            }
            batch.add(message);
            size += bytes;
        }
        frames.add(historyFrame(room, batch, false, more, clientId));
        return frames;
    }

    /** Put together from objects the writer composed, so it is JSON whatever the messages hold. */
    private static String historyFrame(String room, List<String> messages, boolean continues, boolean more,
            Optional<String> clientId) {
        String head = compose(object -> object.put("type", "history").put(FieldNames.ROOM, room));
        String tail = compose(object -> withClientId(continues
                ? object.put("more", more).put("continues", true)
                : object.put("more", more), clientId));
        return head.substring(0, head.length() - 1) + ",\"messages\":[" + String.join(",", messages) + "],"
                + tail.substring(1);
    }

    /** {@code {"type":"broadcast","id","message","sentAt","room"?}}: the room when the broadcast went to one. */
    private static String broadcast(BroadcastMessage message) {
        return compose(object -> withRoom(object
                .put("type", "broadcast")
                .put("id", message.id().toString())
                .put(FieldNames.MESSAGE, message.text().value())
                .put("sentAt", message.sentAt().toString()), message.room()));
    }

    /** {@code {"type":"presence","room","event":"join"|"leave","member":{"userId"?,"connectionId","name"},"count"}} */
    private static String presence(PresenceEvent event) {
        return compose(object -> member(object
                .put("type", "presence")
                .put(FieldNames.ROOM, event.room().value())
                .put("event", event.kind() == PresenceEvent.Kind.JOIN ? "join" : "leave")
                .startObjectField("member"), event.member())
                .put("count", event.count()));
    }

    /**
     * {@code {"type":"joined","room","members":[{"userId"?,"connectionId","name"}...],"count","more","cursor"?}}: the
     * joiner's answer, with the first page of who is there; {@code cursor} asks {@code members} for the next one.
     */
    public String joined(RoomName room, MemberPage members, HistoryHead head, Optional<String> clientId) {
        return joinedFrame(room, members, head, clientId);
    }

    /** With where the room's history stands: its {@code epoch} and latest {@code seq}. */
    private static String joinedFrame(RoomName room, MemberPage members, HistoryHead head, Optional<String> clientId) {
        return compose(object -> withClientId(page(object.put("type", "joined"), room, members)
                .put("epoch", head.epoch().value())
                .put("seq", head.seq()), clientId));
    }

    /** {@code {"type":"left","room"}}: the answer to {@code leave}. */
    public String left(RoomName room, Optional<String> clientId) {
        return compose(object -> withClientId(object
                .put("type", "left")
                .put(FieldNames.ROOM, room.value()), clientId));
    }

    /** {@code {"type":"members","room","members":[...],"count","more","cursor"?}}: a page of who is in a room. */
    public String members(RoomName room, MemberPage members, Optional<String> clientId) {
        return compose(object -> withClientId(page(object.put("type", "members"), room, members), clientId));
    }

    /**
     * {@code {"type":"ack","id","seq"?,"recipients"}}: the sender's answer to a message that was sent, with its seq in
     * its room's history (a room message's), and the frame's {@code clientId} when it had one, so a client can match
     * answers that arrive out of order.
     */
    public String ack(MessageId id, OptionalLong seq, int recipients, Optional<String> clientId) {
        return compose(object -> {
            ObjectComposer<?> fields = object.put("type", "ack").put("id", id.toString());
            if (seq.isPresent()) {
                fields = fields.put("seq", seq.getAsLong());
            }
            return withClientId(fields.put("recipients", recipients), clientId);
        });
    }

    /**
     * {@code {"type":"ack","id","seq"?,"recipients":0,"repeat":true}}: the answer to a message sent again with the
     * {@code clientId} of one sent before: the first one's id and seq; it was not sent again.
     */
    public String repeatAck(SendReceipt first, Optional<String> clientId) {
        return compose(object -> {
            ObjectComposer<?> fields = object.put("type", "ack").put("id", first.id().toString());
            if (first.position().isPresent()) {
                fields = fields.put("seq", first.position().get().seq());
            }
            return withClientId(fields.put("recipients", 0).put("repeat", true), clientId);
        });
    }

    /** {@code {"type":"pong"}}: the answer to the keep-alive action {@code ping}. */
    public String pong() {
        return compose(object -> object.put("type", "pong"));
    }

    /** {@code {"type":"error","code","message"}}, as a frame and as the body of an HTTP error. */
    public String error(ErrorCode code, String message) {
        return error(code, message, Optional.empty());
    }

    /** An error frame answering a frame that carried a {@code clientId}. */
    public String error(ErrorCode code, String message, Optional<String> clientId) {
        return compose(object -> withClientId(object
                .put("type", "error")
                .put("code", code.name())
                .put("message", message), clientId));
    }

    /**
     * {@code {"type":"error","code":"RATE_LIMITED","message","retryAfterMs"}}: the answer to a message over the
     * sender's rate, with the whole milliseconds (rounded up) until the next one will be accepted.
     */
    public String rateLimited(Duration retryAfter, Optional<String> clientId) {
        long retryAfterMs = retryAfter.plusNanos(NANOS_PER_MILLI - 1).toMillis();
        return compose(object -> withClientId(object
                .put("type", "error")
                .put("code", ErrorCode.RATE_LIMITED.name())
                .put("message", "too many frames at once: this one was not handled; send it again in "
                        + retryAfterMs + " ms")
                .put("retryAfterMs", retryAfterMs), clientId));
    }

    /** {@code {"broadcastId","attempted","delivered","gone","failed"}} */
    public String broadcastReport(BroadcastReport report) {
        return compose(object -> object
                .put("broadcastId", report.broadcastId().toString())
                .put("attempted", report.attempted())
                .put("delivered", report.delivered())
                .put("gone", report.gone())
                .put("failed", report.failed()));
    }

    /** The answer to a broadcast handed to the work queue: {@code {"broadcastId","state","statusUrl"}}. */
    public String broadcastQueued(BroadcastProgress progress, String statusUrl) {
        return compose(object -> object
                .put("broadcastId", progress.broadcastId().toString())
                .put("state", state(progress.state()))
                .put("statusUrl", statusUrl));
    }

    /**
     * A queued broadcast's progress: {@code {"broadcastId","state","attempted","delivered","gone","failed","startedAt",
     * "finishedAt"?}}.
     */
    public String broadcastProgress(BroadcastProgress progress) {
        return compose(object -> {
            ObjectComposer<?> counted = object
                    .put("broadcastId", progress.broadcastId().toString())
                    .put("state", state(progress.state()))
                    .put("attempted", progress.attempted())
                    .put("delivered", progress.delivered())
                    .put("gone", progress.gone())
                    .put("failed", progress.failed())
                    .put("startedAt", progress.startedAt().toString());
            return progress.finishedAt().isPresent()
                    ? counted.put("finishedAt", progress.finishedAt().get().toString())
                    : counted;
        });
    }

    private static String state(BroadcastState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    private static ObjectComposer<?> page(ObjectComposer<?> object, RoomName room, MemberPage page) throws IOException {
        ArrayComposer<? extends ObjectComposer<?>> members = object
                .put(FieldNames.ROOM, room.value())
                .startArrayField("members");
        for (Member member : page.members()) {
            member(members.startObject(), member);
        }
        ObjectComposer<?> counted = members.end()
                .put("count", page.count())
                .put("more", page.more());
        return page.next().isPresent() ? counted.put("cursor", page.next().get()) : counted;
    }

    /** {@code {"userId"?,"connectionId","name"}}, closed: the composer it was started in is returned. */
    private static <P extends ComposerBase> P member(ObjectComposer<P> object, Member member) throws IOException {
        return withUserId(object, member.userId())
                .put("connectionId", member.connectionId().value())
                .put("name", member.name().value())
                .end();
    }

    private static <P extends ComposerBase> ObjectComposer<P> withUserId(ObjectComposer<P> object, Optional<UserId> userId)
            throws IOException {
        return userId.isPresent() ? object.put("userId", userId.get().value()) : object;
    }

    private static ObjectComposer<?> withRoom(ObjectComposer<?> object, Optional<RoomName> room) throws IOException {
        return room.isPresent() ? object.put(FieldNames.ROOM, room.get().value()) : object;
    }

    private static ObjectComposer<?> withClientId(ObjectComposer<?> object, Optional<String> clientId) throws IOException {
        return clientId.isPresent() ? object.put(FieldNames.CLIENT_ID, clientId.get()) : object;
    }

    private interface Fields {
        ObjectComposer<?> fill(ObjectComposer<?> object) throws IOException;
    }

    private static String compose(Fields fields) {
        try {
            var composer = JSON.std.composeString();
            fields.fill(composer.startObject()).end();
            return composer.finish();
        } catch (IOException impossible) {
            // Writing to a String does no I/O.
            throw new UncheckedIOException(impossible);
        }
    }
}
