package dev.parley.chat.adapter.in.socket;

import dev.parley.chat.domain.port.in.BroadcastUseCase;
import dev.parley.chat.domain.port.in.ChargeFrameUseCase;
import dev.parley.chat.domain.port.in.ConnectUseCase;
import dev.parley.chat.domain.port.in.DisconnectUseCase;
import dev.parley.chat.domain.port.in.HistoryUseCase;
import dev.parley.chat.domain.port.in.JoinRoomUseCase;
import dev.parley.chat.domain.port.in.LeaveRoomUseCase;
import dev.parley.chat.domain.port.in.ListMembersUseCase;
import dev.parley.chat.domain.port.in.SendMessageUseCase;

/** Every use case the socket server drives: one process serves every route. */
public record ChatUseCases(ConnectUseCase connect, DisconnectUseCase disconnect, ChargeFrameUseCase chargeFrame,
        SendMessageUseCase sendMessage, JoinRoomUseCase join, LeaveRoomUseCase leave, ListMembersUseCase members,
        HistoryUseCase history, BroadcastUseCase broadcast) {}
