package dev.parley.chat.protocol;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.parley.chat.domain.model.BroadcastPage;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.MessageId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A page of a queued broadcast as the work queue carries it: {@code {"broadcastId","page","recipients":[...]}}, ids
 * only (about 20 bytes a recipient), so a page of thousands stays far below a queue message's limit.
 */
public final class BroadcastPageCodec {

    private static final String BROADCAST_ID = "broadcastId";
    private static final String PAGE = "page";
    private static final String RECIPIENTS = "recipients";

    public String encode(BroadcastPage page) {
        try {
            var composer = JSON.std.composeString();
            var recipients = composer.startObject()
                    .put(BROADCAST_ID, page.broadcast().toString())
                    .put(PAGE, page.number())
                    .startArrayField(RECIPIENTS);
            for (ConnectionId recipient : page.recipients()) {
                recipients.add(recipient.value());
            }
            recipients.end().end();
            return composer.finish();
        } catch (IOException impossible) {
            // Writing to a String does no I/O.
            throw new UncheckedIOException(impossible);
        }
    }

    /** The page {@link #encode} wrote; anything else is refused with words saying what is wrong. */
    public BroadcastPage decode(String text) throws InvalidFrameException {
        Map<String, Object> fields;
        try {
            fields = JSON.std.mapFrom(text);
        } catch (IOException | RuntimeException notJson) {
            throw invalid("not a JSON object");
        }
        if (fields == null || !(fields.get(BROADCAST_ID) instanceof String id) || !(fields.get(PAGE) instanceof Integer number)
                || !(fields.get(RECIPIENTS) instanceof List<?> ids)) {
            throw invalid("needs a string broadcastId, a whole number page and a recipients array");
        }
        try {
            List<ConnectionId> recipients = new ArrayList<>(ids.size());
            for (Object recipient : ids) {
                recipients.add(new ConnectionId((String) recipient));
            }
            return new BroadcastPage(new MessageId(UUID.fromString(id)), number, recipients);
        } catch (IllegalArgumentException | ClassCastException | NullPointerException wrongValue) {
            throw invalid("has a value out of shape: " + wrongValue.getMessage());
        }
    }

    private static InvalidFrameException invalid(String what) {
        return new InvalidFrameException(ErrorCode.INVALID_JSON, "a broadcast page " + what);
    }
}
