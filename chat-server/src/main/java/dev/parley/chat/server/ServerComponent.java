package dev.parley.chat.server;

import dev.parley.chat.adapter.out.memory.InMemoryMessagePublisher;
import dev.parley.chat.domain.port.in.BroadcastUseCase;
import dev.parley.chat.domain.port.in.ChargeFrameUseCase;
import dev.parley.chat.domain.port.in.ConnectUseCase;
import dev.parley.chat.domain.port.in.DisconnectUseCase;
import dev.parley.chat.domain.port.in.HistoryUseCase;
import dev.parley.chat.domain.port.in.JoinRoomUseCase;
import dev.parley.chat.domain.port.in.LeaveRoomUseCase;
import dev.parley.chat.domain.port.in.ListMembersUseCase;
import dev.parley.chat.domain.port.in.SendMessageUseCase;
import dev.parley.chat.protocol.FrameAnswers;
import dev.parley.chat.protocol.FrameReader;
import dev.parley.chat.protocol.FrameWriter;
import java.time.Clock;

/**
 * chat-server's object graph: the use cases as every transport wires them, over the adapters the command line
 * chooses ({@link MemoryServerComponent}, or DynamoDB's), with its own sockets as the publisher.
 */
public interface ServerComponent {

    ConnectUseCase connectUseCase();

    DisconnectUseCase disconnectUseCase();

    ChargeFrameUseCase chargeFrameUseCase();

    SendMessageUseCase sendMessageUseCase();

    JoinRoomUseCase joinRoomUseCase();

    LeaveRoomUseCase leaveRoomUseCase();

    ListMembersUseCase listMembersUseCase();

    HistoryUseCase historyUseCase();

    BroadcastUseCase broadcastUseCase();

    FrameAnswers frameAnswers();

    FrameReader frameReader();

    FrameWriter frameWriter();

    InMemoryMessagePublisher publisher();

    Clock clock();
}
