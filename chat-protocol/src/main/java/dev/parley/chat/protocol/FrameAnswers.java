package dev.parley.chat.protocol;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.in.ChargeFrameCommand;
import dev.parley.chat.domain.port.in.ChargeFrameUseCase;
import dev.parley.chat.domain.port.in.ConnectCommand;
import dev.parley.chat.domain.port.in.ConnectResult;
import dev.parley.chat.domain.port.in.ConnectUseCase;
import dev.parley.chat.domain.port.in.FrameCharge;
import dev.parley.chat.domain.port.in.HistoryResult;
import dev.parley.chat.domain.port.in.HistoryUseCase;
import dev.parley.chat.domain.port.in.JoinRoomResult;
import dev.parley.chat.domain.port.in.JoinRoomUseCase;
import dev.parley.chat.domain.port.in.LeaveRoomCommand;
import dev.parley.chat.domain.port.in.LeaveRoomUseCase;
import dev.parley.chat.domain.port.in.ListMembersResult;
import dev.parley.chat.domain.port.in.ListMembersUseCase;
import dev.parley.chat.domain.port.in.SendMessageResult;
import dev.parley.chat.domain.port.in.SendMessageUseCase;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What each client frame and handshake means and how it is answered, for every transport: the Lambda handlers (one
 * route each) and chat-server's socket (all of them). Each method takes the one use case it runs, so a transport builds
 * only the use cases of its routes. A field the frame cannot carry is an {@link InvalidFrameException}; every answer to
 * an action frame echoes its {@code clientId}.
 */
public final class FrameAnswers {

    private final FrameReader reader;
    private final FrameWriter writer;

    public FrameAnswers(FrameReader reader, FrameWriter writer) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /**
     * The handshake: the connection is registered, or refused with a 400 ({@code INVALID_NAME}) or a 429
     * ({@code TOO_MANY_CONNECTIONS}) whose body is the error object.
     */
    public Answer connect(ConnectUseCase connect, ConnectCommand command) {
        ConnectResult result = connect.connect(command);
        if (result instanceof ConnectResult.InvalidName invalid) {
            return Answer.of(Answer.BAD_REQUEST, writer.error(ErrorCode.INVALID_NAME, invalid.reason()));
        }
        if (result instanceof ConnectResult.TooManyConnections tooMany) {
            return Answer.of(Answer.TOO_MANY_REQUESTS, writer.error(ErrorCode.TOO_MANY_CONNECTIONS,
                    "this user has " + tooMany.limit().maxConnectionsPerUser()
                            + " connections open, as many as they may; close one first"));
        }
        return Answer.sentAlready();
    }

    /**
     * Takes a frame's token from its sender (the user, or else the connection) before the frame is read: a flood of
     * pings, bad frames or lookups is limited like a flood of messages. Empty when the frame may go on; else the
     * {@code RATE_LIMITED} answer (429), and the frame goes no further.
     */
    public Optional<Answer> charge(ChargeFrameUseCase chargeFrame, ConnectionId connection, Optional<UserId> sender,
            Optional<String> clientId) {
        if (chargeFrame.charge(new ChargeFrameCommand(connection, sender)) instanceof FrameCharge.RateLimited limited) {
            return Optional.of(Answer.of(Answer.TOO_MANY_REQUESTS, writer.rateLimited(limited.retryAfter(), clientId)));
        }
        return Optional.empty();
    }

    /** {@code ping} gets a pong; any other action no route takes, an {@code UNKNOWN_ACTION} error naming them all. */
    public Answer otherAction(String action) throws InvalidFrameException {
        if (Action.PING.wireName().equals(action)) {
            return Answer.of(Answer.OK, writer.pong());
        }
        throw new InvalidFrameException(ErrorCode.UNKNOWN_ACTION,
                "unknown action '" + action + "'; the actions are " + Action.ALL + " (names are case-sensitive)");
    }

    /** What a binary frame is told: transports hand them over whatever they hold, so say so rather than "not JSON". */
    public InvalidFrameException binaryFrame() {
        return new InvalidFrameException(ErrorCode.INVALID_JSON,
                "binary frames are not accepted; send a JSON object as a text frame");
    }

    /** {@code sendMessage}: the sender's acknowledgement, or the error saying why nothing was sent. */
    public Answer sendMessage(SendMessageUseCase sendMessage, ConnectionId sender, Map<String, Object> frame,
            Optional<String> clientId) throws InvalidFrameException {
        SendMessageResult result = sendMessage.send(reader.sendMessage(sender, frame));
        if (result instanceof SendMessageResult.Sent sent) {
            return Answer.of(Answer.OK,
                    writer.ack(sent.message().id(), sent.message().seq(), sent.recipients(), clientId));
        }
        if (result instanceof SendMessageResult.AlreadySent resent) {
            return Answer.of(Answer.OK, writer.repeatAck(resent.first(), clientId));
        }
        if (result instanceof SendMessageResult.UnknownRecipient unknown) {
            return error(ErrorCode.UNKNOWN_RECIPIENT, "no connected client has the id '" + unknown.recipient() + "'",
                    clientId);
        }
        if (result instanceof SendMessageResult.UnknownUser unknown) {
            return error(ErrorCode.UNKNOWN_RECIPIENT, "no connected client belongs to the user '" + unknown.user() + "'",
                    clientId);
        }
        if (result instanceof SendMessageResult.NotAMember notAMember) {
            return error(ErrorCode.NOT_A_MEMBER, "this connection is not in the room '" + notAMember.room()
                    + "'; join it first", clientId);
        }
        if (result instanceof SendMessageResult.SenderNotConnected) {
            return notConnected(clientId);
        }
        throw new IllegalStateException("unhandled result " + result);
    }

    /**
     * {@code join}: the {@code joined} frame; with {@code since}, that frame and what was missed went through the
     * publisher in order, and the answer is empty (it would come after them).
     */
    public Answer join(JoinRoomUseCase join, ConnectionId connection, Map<String, Object> frame,
            Optional<String> clientId) throws InvalidFrameException {
        JoinRoomResult result = join.join(reader.join(connection, frame));
        if (result instanceof JoinRoomResult.Joined joined) {
            return joined.catchup().isPresent()
                    ? Answer.sentAlready()
                    : Answer.of(Answer.OK, writer.joined(joined.room(), joined.members(), joined.head(), clientId));
        }
        if (result instanceof JoinRoomResult.Forbidden forbidden) {
            return error(ErrorCode.FORBIDDEN_ROOM, "your token does not admit the room '" + forbidden.room() + "'",
                    clientId);
        }
        if (result instanceof JoinRoomResult.TooManyRooms tooMany) {
            return error(ErrorCode.TOO_MANY_ROOMS, "this connection is in " + tooMany.limit().maxRoomsPerConnection()
                    + " rooms (the lobby included), as many as it may be; leave one first", clientId);
        }
        if (result instanceof JoinRoomResult.NotConnected) {
            return notConnected(clientId);
        }
        throw new IllegalStateException("unhandled result " + result);
    }

    /** {@code leave}: {@code left}, also for a room the connection was not in. */
    public Answer leave(LeaveRoomUseCase leave, ConnectionId connection, Map<String, Object> frame,
            Optional<String> clientId) throws InvalidFrameException {
        LeaveRoomCommand command = reader.leave(connection, frame);
        return leave.leave(command) ? Answer.of(Answer.OK, writer.left(command.room(), clientId)) : notConnected(clientId);
    }

    /** {@code members}: a page of the room's presences, for its members only. */
    public Answer members(ListMembersUseCase members, ConnectionId connection, Map<String, Object> frame,
            Optional<String> clientId) throws InvalidFrameException {
        ListMembersResult result = members.members(reader.members(connection, frame));
        if (result instanceof ListMembersResult.Members page) {
            return Answer.of(Answer.OK, writer.members(page.room(), page.page(), clientId));
        }
        if (result instanceof ListMembersResult.NotAMember notAMember) {
            return error(ErrorCode.NOT_A_MEMBER, "only members see who is in a room: join '" + notAMember.room()
                    + "' first", clientId);
        }
        if (result instanceof ListMembersResult.InvalidCursor invalid) {
            return error(ErrorCode.INVALID_CURSOR, "the cursor is not one a members page of '" + invalid.room()
                    + "' gave; ask without one for the first page", clientId);
        }
        throw new IllegalStateException("unhandled result " + result);
    }

    /** {@code history}: the page went through the publisher, so the answer is empty; members only. */
    public Answer history(HistoryUseCase history, ConnectionId connection, Map<String, Object> frame,
            Optional<String> clientId) throws InvalidFrameException {
        HistoryResult result = history.history(reader.history(connection, frame));
        if (result instanceof HistoryResult.Page) {
            return Answer.sentAlready();
        }
        if (result instanceof HistoryResult.NotAMember notAMember) {
            return error(ErrorCode.NOT_A_MEMBER, "only members read a room's history: join '" + notAMember.room()
                    + "' first", clientId);
        }
        throw new IllegalStateException("unhandled result " + result);
    }

    /** A frame field the use case cannot take, said in an error frame (400) that echoes {@code clientId}. */
    public Answer error(ErrorCode code, String message, Optional<String> clientId) {
        return Answer.of(Answer.BAD_REQUEST, writer.error(code, message, clientId));
    }

    private Answer notConnected(Optional<String> clientId) {
        return error(ErrorCode.NOT_CONNECTED,
                "this connection is not registered as connected; reconnect and try again", clientId);
    }
}
