package dev.parley.chat.protocol;

import com.fasterxml.jackson.jr.ob.JSON;
import com.fasterxml.jackson.jr.ob.comp.ArrayComposer;
import com.fasterxml.jackson.jr.ob.comp.ComposerBase;
import com.fasterxml.jackson.jr.ob.comp.ObjectComposer;
import dev.parley.chat.domain.model.BroadcastMessage;
import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.MemberPage;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.OutgoingMessage;
import dev.parley.chat.domain.model.PresenceEvent;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.in.BroadcastReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The writer of everything Parley sends: one JSON object per WebSocket frame (messages, broadcasts and presence events
 * to their recipients; acknowledgements, room answers, pongs and errors to the sender), and the broadcast endpoint's
 * report and error bodies.
 */
public final class FrameWriter {

    private static final long NANOS_PER_MILLI = 1_000_000;

    public FrameWriter() {}

    /** The bytes every recipient of {@code message} receives. */
    public byte[] encode(OutgoingMessage message) {
        String frame;
        if (message instanceof ChatMessage chat) {
            frame = chatMessage(chat);
        } else if (message instanceof BroadcastMessage broadcast) {
            frame = broadcast(broadcast);
        } else if (message instanceof PresenceEvent presence) {
            frame = presence(presence);
        } else {
            throw new IllegalArgumentException("no frame for " + message.getClass());
        }
        return frame.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code {"type":"message","id","from","name","userId"?,"message","sentAt","direct","room"?}}: the sender's user id
     * when it has one, the room unless the message is direct.
     */
    private static String chatMessage(ChatMessage message) {
        return compose(object -> withRoom(withUserId(object
                .put("type", "message")
                .put("id", message.id().toString())
                .put("from", message.from().value())
                .put("name", message.senderName().value()), message.senderUserId())
                .put(FieldNames.MESSAGE, message.text().value())
                .put("sentAt", message.sentAt().toString())
                .put("direct", message.direct()), message.room()));
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
    public String joined(RoomName room, MemberPage members, Optional<String> clientId) {
        return compose(object -> withClientId(page(object.put("type", "joined"), room, members), clientId));
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
     * {@code {"type":"ack","id","recipients"}}: the sender's answer to a message that was sent, with the frame's
     * {@code clientId} when it had one, so a client can match answers that arrive out of order.
     */
    public String ack(MessageId id, int recipients, Optional<String> clientId) {
        return compose(object -> withClientId(object
                .put("type", "ack")
                .put("id", id.toString())
                .put("recipients", recipients), clientId));
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
