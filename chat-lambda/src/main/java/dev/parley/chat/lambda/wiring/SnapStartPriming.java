package dev.parley.chat.lambda.wiring;

import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisconnectReason;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.port.in.DisconnectCommand;
import dev.parley.chat.domain.port.in.SendMessageCommand;
import dev.parley.chat.domain.port.in.SendMessageResult;
import dev.parley.chat.lambda.wire.InvalidFrameException;
import dev.parley.chat.lambda.wire.JsonWireFormat;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs the {@code sendMessage} path once before a SnapStart snapshot is taken, so the classes it loads and the code
 * it compiles are in the snapshot instead of in the first invocation after a restore. It changes nothing anywhere:
 * it reads the frame of a connection that can never exist, asks for that connection (a GetItem that finds nothing, so
 * nothing is stored or sent), and ends it (an update whose condition fails, so no row is created).
 *
 * <p>Call it from a CRaC {@code Resource#beforeCheckpoint} registered for the execution environment's component.
 */
public final class SnapStartPriming {

    /** Longer than API Gateway's 16-character ids, so no connection ever has it. */
    public static final ConnectionId NEVER_CONNECTED = new ConnectionId("parley-snapstart-priming");
    private static final String FRAME = "{\"action\":\"sendMessage\",\"Message\":\"priming\"}";

    private SnapStartPriming() {}

    /** Primes {@code component}; fails if the path did something other than find no such connection. */
    public static void prime(ChatComponent component) {
        JsonWireFormat wire = component.wireFormat();
        SendMessageCommand command;
        try {
            command = wire.sendMessage(NEVER_CONNECTED, wire.frame(FRAME));
        } catch (InvalidFrameException impossible) {
            throw new IllegalStateException("the priming frame is invalid: " + impossible.getMessage(), impossible);
        }
        SendMessageResult result = component.sendMessageUseCase().send(command);
        if (!(result instanceof SendMessageResult.SenderNotConnected notConnected)) {
            throw new IllegalStateException("priming expected no connection " + NEVER_CONNECTED + " but got " + result);
        }
        // What a real send encodes: the message for the recipients and the sender's acknowledgement.
        var message = new ChatMessage(MessageId.random(), notConnected.sender(), new DisplayName("priming"),
                command.text(), Instant.now(), false);
        wire.encode(message);
        wire.ack(message.id(), 0, Optional.empty());
        component.disconnectUseCase().disconnect(new DisconnectCommand(NEVER_CONNECTED, DisconnectReason.disconnectRoute()));
    }
}
