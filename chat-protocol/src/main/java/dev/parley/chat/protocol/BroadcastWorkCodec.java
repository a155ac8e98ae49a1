package dev.parley.chat.protocol;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.parley.chat.domain.model.BroadcastPage;
import dev.parley.chat.domain.model.BroadcastPlanning;
import dev.parley.chat.domain.model.BroadcastWork;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.MessageId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The broadcast work queue's messages: a planning {@code {"broadcastId","plan":true}}, or a page
 * {@code {"broadcastId","page","recipients":[...]}}, ids only (about 20 bytes a recipient), so a page of thousands
 * stays far below a queue message's limit.
 */
public final class BroadcastWorkCodec {

    private static final String BROADCAST_ID = "broadcastId";
    private static final String PLAN = "plan";
    private static final String PAGE = "page";
    private static final String RECIPIENTS = "recipients";

    public String encode(BroadcastWork work) {
        try {
            var composer = JSON.std.composeString();
            var object = composer.startObject().put(BROADCAST_ID, work.broadcast().toString());
            if (work instanceof BroadcastPage page) {
                var recipients = object.put(PAGE, page.number()).startArrayField(RECIPIENTS);
                for (ConnectionId recipient : page.recipients()) {
                    recipients.add(recipient.value());
                }
                recipients.end();
            } else {
                object.put(PLAN, true);
            }
            object.end();
            return composer.finish();
        } catch (IOException impossible) {
            // Writing to a String does no I/O.
            throw new UncheckedIOException(impossible);
        }
    }

    /** The work {@link #encode} wrote; anything else is refused with words saying what is wrong. */
    public BroadcastWork decode(String text) throws InvalidFrameException {
        Map<String, Object> fields;
        try {
            fields = JSON.std.mapFrom(text);
        } catch (IOException | RuntimeException notJson) {
            throw invalid("not a JSON object");
        }
        if (fields == null || !(fields.get(BROADCAST_ID) instanceof String id)) {
            throw invalid("needs a string broadcastId");
        }
        try {
            MessageId broadcast = new MessageId(UUID.fromString(id));
            if (Boolean.TRUE.equals(fields.get(PLAN)) && fields.size() == 2) {
                return new BroadcastPlanning(broadcast);
            }
            if (!(fields.get(PAGE) instanceof Integer number) || !(fields.get(RECIPIENTS) instanceof List<?> ids)) {
                throw invalid("needs \"plan\":true, or a whole number page and a recipients array");
            }
            List<ConnectionId> recipients = new ArrayList<>(ids.size());
            for (Object recipient : ids) {
                recipients.add(new ConnectionId((String) recipient));
            }
            return new BroadcastPage(broadcast, number, recipients);
        } catch (IllegalArgumentException | ClassCastException | NullPointerException wrongValue) {
            throw invalid("has a value out of shape: " + wrongValue.getMessage());
        }
    }

    private static InvalidFrameException invalid(String what) {
        return new InvalidFrameException(ErrorCode.INVALID_JSON, "a broadcast work message " + what);
    }
}
