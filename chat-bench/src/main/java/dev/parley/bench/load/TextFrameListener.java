package dev.parley.bench.load;

import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;

/**
 * A java.net.http WebSocket listener that hands each whole text message on at once, however many parts it came in,
 * and asks for the next.
 */
public abstract class TextFrameListener implements WebSocket.Listener {

    private final StringBuilder partial = new StringBuilder();

    /** One whole text message received. */
    protected abstract void text(String frame);

    @Override
    public final CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            text(frame);
        }
        socket.request(1);
        return null;
    }
}
