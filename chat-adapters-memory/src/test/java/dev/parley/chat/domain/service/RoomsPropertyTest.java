package dev.parley.chat.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.fakes.RecordingMessagePublisher;
import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.ConnectionLimit;
import dev.parley.chat.domain.model.DisconnectReason;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.MemberPage;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.OutgoingMessage;
import dev.parley.chat.domain.model.PresenceEvent;
import dev.parley.chat.domain.model.PresenceKey;
import dev.parley.chat.domain.model.RoomAccess;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.in.ConnectCommand;
import dev.parley.chat.domain.port.in.ConnectResult;
import dev.parley.chat.domain.port.in.DisconnectCommand;
import dev.parley.chat.domain.port.in.JoinRoomCommand;
import dev.parley.chat.domain.port.in.JoinRoomResult;
import dev.parley.chat.domain.port.in.LeaveRoomCommand;
import dev.parley.chat.domain.port.in.SendMessageCommand;
import dev.parley.chat.domain.port.in.SendMessageResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random scripts of connects, joins, leaves, sends and disconnects, checked after every step against a model that is
 * nothing but a set of rooms per active connection: every room message reached exactly the room's other members, a
 * direct message to a user exactly that user's other connections, a presence event went out exactly when a presence
 * began or ended (to the room's other members), and the registry lists exactly the model's members and presences.
 */
class RoomsPropertyTest {

    private static final RoomName RED = new RoomName("red");
    private static final RoomName BLUE = new RoomName("blue");
    private static final List<RoomName> ROOMS = List.of(RoomName.LOBBY, RED, BLUE);
    /** Fewer than the rooms there are, so joins meet the limit. */
    private static final RoomLimit TWO_ROOMS = new RoomLimit(2);
    private static final UserId ADA = new UserId("auth0|ada");
    private static final UserId BOB = new UserId("auth0|bob");
    private static final UserId CY = new UserId("auth0|cy");

    /** Who connects on each slot (a browser tab): Ada twice, Bob, two anonymous tabs, and Cy, admitted to red only. */
    private static final List<Slot> SLOTS = List.of(
            new Slot(Optional.of(ADA), RoomAccess.EVERY_ROOM),
            new Slot(Optional.of(ADA), RoomAccess.EVERY_ROOM),
            new Slot(Optional.of(BOB), RoomAccess.EVERY_ROOM),
            new Slot(Optional.empty(), RoomAccess.EVERY_ROOM),
            new Slot(Optional.empty(), RoomAccess.EVERY_ROOM),
            new Slot(Optional.of(CY), RoomAccess.only(List.of("red"))));

    private record Slot(Optional<UserId> user, RoomAccess access) {}

    @Property(tries = 400)
    void givenAnyScript_everyMessageAndPresenceEventReachesExactlyWhomTheModelSays(
            @ForAll("scripts") List<Action> script) {
        var world = new World();
        for (Action action : script) {
            Map<RoomName, Set<PresenceKey>> before = world.presences();
            Optional<Connection> actor = action.runOn(world);
            world.checkPresenceEvents(actor, before);
            world.checkRegistry();
        }
        Statistics.coverage(coverage -> {
            coverage.check("Joined, presence began").count(count -> count > 0);
            coverage.check("Joined, presence already there").count(count -> count > 0);
            coverage.check("TooManyRooms").count(count -> count > 0);
            coverage.check("Forbidden").count(count -> count > 0);
            coverage.check("Sent to a room").count(count -> count > 0);
            coverage.check("Sent to a user").count(count -> count > 0);
            coverage.check("JOIN announced").count(count -> count > 0);
            coverage.check("LEAVE announced").count(count -> count > 0);
        });
    }

    @Provide
    Arbitrary<List<Action>> scripts() {
        Arbitrary<Integer> slots = Arbitraries.integers().between(0, SLOTS.size() - 1);
        Arbitrary<RoomName> rooms = Arbitraries.of(ROOMS);
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                Tuple.of(4, slots.map(Connect::new)),
                Tuple.of(4, Combinators.combine(slots, rooms).as(Join::new)),
                Tuple.of(2, Combinators.combine(slots, rooms).as(Leave::new)),
                Tuple.of(4, Combinators.combine(slots, rooms).as(SendToRoom::new)),
                Tuple.of(1, Combinators.combine(slots, Arbitraries.of(ADA, BOB, CY)).as(SendToUser::new)),
                Tuple.of(2, slots.map(Disconnect::new)));
        return action.list().ofMinSize(5).ofMaxSize(50);
    }

    /** One step of a script; it checks its own answer and returns the connection it acted for, if any. */
    private interface Action {
        Optional<Connection> runOn(World world);
    }

    private record Connect(int slot) implements Action {
        @Override
        public Optional<Connection> runOn(World world) {
            if (world.active.containsKey(slot)) {
                return Optional.empty();
            }
            Slot who = SLOTS.get(slot);
            var id = new ConnectionId("slot" + slot + "life" + world.lives++);
            ConnectResult result = world.connect.connect(
                    new ConnectCommand(id, Optional.of("Slot " + slot), who.user(), who.access()));
            assertThat(result).isInstanceOf(ConnectResult.Connected.class);
            Connection connection = ((ConnectResult.Connected) result).connection();
            world.active.put(slot, connection);
            world.roomsOf.put(id, new HashSet<>(Set.of(RoomName.LOBBY)));
            return Optional.of(connection);
        }
    }

    private record Join(int slot, RoomName room) implements Action {
        @Override
        public Optional<Connection> runOn(World world) {
            Optional<Connection> actor = Optional.ofNullable(world.active.get(slot));
            JoinRoomResult result = world.join.join(new JoinRoomCommand(world.idOf(slot), room));
            if (actor.isEmpty()) {
                assertThat(result).isEqualTo(new JoinRoomResult.NotConnected(world.idOf(slot)));
                return actor;
            }
            Set<RoomName> in = world.roomsOf.get(actor.get().id());
            if (!SLOTS.get(slot).access().permits(room)) {
                assertThat(result).isEqualTo(new JoinRoomResult.Forbidden(room));
                Statistics.collect("Forbidden");
            } else if (!in.contains(room) && in.size() >= TWO_ROOMS.maxRoomsPerConnection()) {
                assertThat(result).isEqualTo(new JoinRoomResult.TooManyRooms(TWO_ROOMS));
                Statistics.collect("TooManyRooms");
            } else {
                boolean began = !world.presences().get(room).contains(Member.of(actor.get()).presenceKey());
                in.add(room);
                assertThat(result).isInstanceOfSatisfying(JoinRoomResult.Joined.class, joined -> {
                    assertThat(joined.members().members()).extracting(Member::presenceKey)
                            .containsExactlyInAnyOrderElementsOf(world.presences().get(room));
                    assertThat(joined.members().count()).isEqualTo(world.presences().get(room).size());
                });
                Statistics.collect(began ? "Joined, presence began" : "Joined, presence already there");
            }
            return actor;
        }
    }

    private record Leave(int slot, RoomName room) implements Action {
        @Override
        public Optional<Connection> runOn(World world) {
            Optional<Connection> actor = Optional.ofNullable(world.active.get(slot));
            boolean active = world.leave.leave(new LeaveRoomCommand(world.idOf(slot), room));
            assertThat(active).isEqualTo(actor.isPresent());
            actor.ifPresent(leaving -> world.roomsOf.get(leaving.id()).remove(room));
            return actor;
        }
    }

    private record SendToRoom(int slot, RoomName room) implements Action {
        @Override
        public Optional<Connection> runOn(World world) {
            Optional<Connection> actor = Optional.ofNullable(world.active.get(slot));
            SendMessageResult result = world.send.send(new SendMessageCommand(
                    world.idOf(slot), new MessageText("to " + room), new SendMessageCommand.ToRoom(room)));
            if (actor.isEmpty()) {
                assertThat(result).isEqualTo(new SendMessageResult.SenderNotConnected(world.idOf(slot)));
            } else if (!world.roomsOf.get(actor.get().id()).contains(room)) {
                assertThat(result).isEqualTo(new SendMessageResult.NotAMember(room));
            } else {
                Set<ConnectionId> others = world.membersOf(room);
                others.remove(actor.get().id());
                world.checkSent(result, Optional.of(room), others);
                Statistics.collect("Sent to a room");
            }
            return Optional.empty();
        }
    }

    private record SendToUser(int slot, UserId user) implements Action {
        @Override
        public Optional<Connection> runOn(World world) {
            Optional<Connection> actor = Optional.ofNullable(world.active.get(slot));
            SendMessageResult result = world.send.send(new SendMessageCommand(
                    world.idOf(slot), new MessageText("to " + user), new SendMessageCommand.ToUser(user)));
            Set<ConnectionId> tabs = world.active.values().stream()
                    .filter(connection -> connection.userId().equals(Optional.of(user)))
                    .map(Connection::id)
                    .filter(id -> actor.isEmpty() || !id.equals(actor.get().id()))
                    .collect(Collectors.toSet());
            if (actor.isEmpty()) {
                assertThat(result).isEqualTo(new SendMessageResult.SenderNotConnected(world.idOf(slot)));
            } else if (tabs.isEmpty()) {
                assertThat(result).isEqualTo(new SendMessageResult.UnknownUser(user));
            } else {
                world.checkSent(result, Optional.empty(), tabs);
                Statistics.collect("Sent to a user");
            }
            return Optional.empty();
        }
    }

    private record Disconnect(int slot) implements Action {
        @Override
        public Optional<Connection> runOn(World world) {
            ConnectionId id = world.idOf(slot);
            Optional<Connection> actor = Optional.ofNullable(world.active.remove(slot));
            world.disconnect.disconnect(new DisconnectCommand(id, DisconnectReason.closed(1001, "")));
            actor.ifPresent(ended -> {
                world.roomsOf.remove(ended.id());
                world.ended.put(slot, ended.id());
            });
            return actor;
        }
    }

    /** The services over in-memory adapters, and the model: the rooms of each active connection. */
    private static final class World {

        final ChatFixture chat = new ChatFixture();
        final ConnectService connect =
                new ConnectService(chat.registry, chat.rooms, chat.publisher, chat.clock, chat.limits, TWO_ROOMS,
                        ConnectionLimit.DEFAULT);
        final JoinRoomService join =
                chat.joinService(chat.rooms, TWO_ROOMS);
        final LeaveRoomService leave = new LeaveRoomService(chat.registry, chat.rooms, chat.publisher, chat.clock, chat.limits);
        final SendMessageService send =
                chat.sendService(chat.registry);
        final DisconnectService disconnect =
                new DisconnectService(chat.registry, chat.rooms, chat.publisher, chat.clock, chat.limits);

        final Map<Integer, Connection> active = new HashMap<>();
        final Map<Integer, ConnectionId> ended = new HashMap<>();
        final Map<ConnectionId, Set<RoomName>> roomsOf = new HashMap<>();
        int lives;
        /** How many of the publisher's sends earlier steps checked. */
        private int sendsChecked;

        /** The slot's connection: the active one, else the one that ended last, else one never connected. */
        ConnectionId idOf(int slot) {
            return Optional.ofNullable(active.get(slot)).map(Connection::id)
                    .or(() -> Optional.ofNullable(ended.get(slot)))
                    .orElseGet(() -> new ConnectionId("slot" + slot + "never"));
        }

        Set<ConnectionId> membersOf(RoomName room) {
            return roomsOf.entrySet().stream()
                    .filter(entry -> entry.getValue().contains(room))
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
        }

        /** Per room, who is present: a user once however many of their connections are in it, or a connection. */
        Map<RoomName, Set<PresenceKey>> presences() {
            Map<RoomName, Set<PresenceKey>> presences = new LinkedHashMap<>();
            for (RoomName room : ROOMS) {
                presences.put(room, active.values().stream()
                        .filter(connection -> roomsOf.get(connection.id()).contains(room))
                        .map(connection -> Member.of(connection).presenceKey())
                        .collect(Collectors.toSet()));
            }
            return presences;
        }

        /** The step's chat message went to exactly {@code recipients}, each once, in {@code room} (none: direct). */
        void checkSent(SendMessageResult result, Optional<RoomName> room, Set<ConnectionId> recipients) {
            assertThat(result).isInstanceOf(SendMessageResult.Sent.class);
            ChatMessage message = ((SendMessageResult.Sent) result).message();
            assertThat(message.room()).isEqualTo(room);
            assertThat(((SendMessageResult.Sent) result).recipients()).isEqualTo(recipients.size());
            Map<OutgoingMessage, List<ConnectionId>> sent = newSends();
            List<ConnectionId> reached = sent.getOrDefault(message, List.of());
            assertThat(reached).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(recipients);
            assertThat(sent.keySet()).allMatch(other -> other.equals(message) || other instanceof PresenceEvent);
        }

        /**
         * The step's presence events are exactly the presences that began or ended between {@code before} and now, each
         * sent once to each other member of its room, about {@code actor}.
         */
        void checkPresenceEvents(Optional<Connection> actor, Map<RoomName, Set<PresenceKey>> before) {
            Map<RoomName, Set<PresenceKey>> after = presences();
            List<String> expected = new ArrayList<>();
            for (RoomName room : ROOMS) {
                List<String> recipients = membersOf(room).stream()
                        .filter(id -> actor.isEmpty() || !id.equals(actor.get().id()))
                        .map(ConnectionId::value).sorted().toList();
                if (recipients.isEmpty()) {
                    continue;
                }
                for (PresenceKey began : difference(after.get(room), before.get(room))) {
                    expected.add(describe(PresenceEvent.Kind.JOIN, room, actor.orElseThrow(), after.get(room), began)
                            + " -> " + recipients);
                }
                for (PresenceKey ended : difference(before.get(room), after.get(room))) {
                    expected.add(describe(PresenceEvent.Kind.LEAVE, room, actor.orElseThrow(), after.get(room), ended)
                            + " -> " + recipients);
                }
            }
            List<String> actual = newSends().entrySet().stream()
                    .filter(sent -> sent.getKey() instanceof PresenceEvent)
                    .map(sent -> {
                        var event = (PresenceEvent) sent.getKey();
                        Statistics.collect(event.kind() + " announced");
                        return describe(event.kind(), event.room(), event.member(), event.count())
                                + " -> " + sent.getValue().stream().map(ConnectionId::value).sorted().toList();
                    })
                    .toList();
            assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
            sendsChecked = chat.publisher.sent().size();
        }

        /** The registry lists exactly the model's members and presences, and each connection's rooms. */
        void checkRegistry() {
            Map<RoomName, Set<PresenceKey>> presences = presences();
            for (RoomName room : ROOMS) {
                assertThat(chat.rooms.members(room)).as("members of %s", room)
                        .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(membersOf(room));
                MemberPage page = chat.rooms.presences(room, Optional.empty(), MemberPage.MAX_MEMBERS);
                assertThat(page.members()).extracting(Member::presenceKey).as("presences in %s", room)
                        .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(presences.get(room));
                assertThat(page.count()).isEqualTo(presences.get(room).size());
            }
            roomsOf.forEach((id, rooms) -> assertThat(chat.rooms.roomsOf(id)).isEqualTo(rooms));
            ended.values().forEach(id -> assertThat(chat.rooms.roomsOf(id)).isEmpty());
        }

        /** What was sent since the last check, by message, with every recipient it was sent to. */
        private Map<OutgoingMessage, List<ConnectionId>> newSends() {
            List<RecordingMessagePublisher.Sent> all = chat.publisher.sent();
            Map<OutgoingMessage, List<ConnectionId>> sent = new LinkedHashMap<>();
            for (RecordingMessagePublisher.Sent one : all.subList(sendsChecked, all.size())) {
                sent.computeIfAbsent(one.message(), message -> new ArrayList<>()).add(one.recipient());
            }
            return sent;
        }

        private static Set<PresenceKey> difference(Set<PresenceKey> these, Set<PresenceKey> those) {
            Set<PresenceKey> difference = new HashSet<>(these);
            difference.removeAll(those);
            return difference;
        }

        /** The event the model expects: about {@code actor}, whose presence {@code key} is the one that changed. */
        private static String describe(
                PresenceEvent.Kind kind, RoomName room, Connection actor, Set<PresenceKey> present, PresenceKey key) {
            assertThat(Member.of(actor).presenceKey()).isEqualTo(key);
            return describe(kind, room, Member.of(actor), present.size());
        }

        private static String describe(PresenceEvent.Kind kind, RoomName room, Member member, int count) {
            return kind + " " + room + " " + member + " (" + count + ")";
        }
    }
}
