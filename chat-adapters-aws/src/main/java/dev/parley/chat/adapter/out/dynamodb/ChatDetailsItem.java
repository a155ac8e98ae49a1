package dev.parley.chat.adapter.out.dynamodb;

import static dev.parley.chat.adapter.out.dynamodb.ChatDetailsTable.ACTIVE_CONNECTIONS_INDEX;
import static dev.parley.chat.adapter.out.dynamodb.ChatDetailsTable.ACTIVE_USERS_INDEX;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.ConnectionRecord;
import dev.parley.chat.domain.model.DisconnectReason;
import dev.parley.chat.domain.model.Disconnection;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.PostedText;
import dev.parley.chat.domain.model.RoomAccess;
import dev.parley.chat.domain.model.UserId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** One item of the {@link ChatDetailsTable}, attribute for attribute: times are the table's ISO-8601 strings. */
final class ChatDetailsItem {

    /** Built by hand rather than by reflection over the bean, which costs a Lambda cold start dearly. */
    static final TableSchema<ChatDetailsItem> SCHEMA = StaticTableSchema.builder(ChatDetailsItem.class)
            .newItemSupplier(ChatDetailsItem::new)
            .addAttribute(String.class, attribute -> attribute.name(ChatDetailsTable.CONNECTION_ID)
                    .getter(ChatDetailsItem::getConnectionId).setter(ChatDetailsItem::setConnectionId)
                    .tags(primaryPartitionKey(), secondarySortKey(List.of(ACTIVE_CONNECTIONS_INDEX, ACTIVE_USERS_INDEX))))
            .addAttribute(String.class, attribute -> attribute.name(ChatDetailsTable.ACTIVE_SHARD)
                    .getter(ChatDetailsItem::getActiveShard).setter(ChatDetailsItem::setActiveShard)
                    .tags(secondaryPartitionKey(ACTIVE_CONNECTIONS_INDEX)))
            .addAttribute(String.class, attribute -> attribute.name(ChatDetailsTable.ACTIVE_USER)
                    .getter(ChatDetailsItem::getActiveUser).setter(ChatDetailsItem::setActiveUser)
                    .tags(secondaryPartitionKey(ACTIVE_USERS_INDEX)))
            .addAttribute(String.class, attribute -> attribute.name(ChatDetailsTable.DISPLAY_NAME)
                    .getter(ChatDetailsItem::getDisplayName).setter(ChatDetailsItem::setDisplayName))
            .addAttribute(String.class, attribute -> attribute.name(ChatDetailsTable.USER_ID)
                    .getter(ChatDetailsItem::getUserId).setter(ChatDetailsItem::setUserId))
            .addAttribute(EnhancedType.listOf(String.class), attribute -> attribute.name(ChatDetailsTable.ROOM_ACCESS)
                    .getter(ChatDetailsItem::getRoomAccess).setter(ChatDetailsItem::setRoomAccess))
            .addAttribute(String.class, attribute -> attribute.name(ChatDetailsTable.CONNECTION_TIME)
                    .getter(ChatDetailsItem::getConnectionTime).setter(ChatDetailsItem::setConnectionTime))
            .addAttribute(String.class, attribute -> attribute.name(ChatDetailsTable.DISCONNECT_TIME)
                    .getter(ChatDetailsItem::getDisconnectTime).setter(ChatDetailsItem::setDisconnectTime))
            .addAttribute(String.class, attribute -> attribute.name(ChatDetailsTable.DISCONNECT_REASON)
                    .getter(ChatDetailsItem::getDisconnectReason).setter(ChatDetailsItem::setDisconnectReason))
            .addAttribute(String.class, attribute -> attribute.name(ChatDetailsTable.MESSAGE)
                    .getter(ChatDetailsItem::getMessage).setter(ChatDetailsItem::setMessage))
            .addAttribute(String.class, attribute -> attribute.name(ChatDetailsTable.LATEST_MESSAGE_TIME)
                    .getter(ChatDetailsItem::getLatestMessageTime).setter(ChatDetailsItem::setLatestMessageTime))
            .addAttribute(String.class, attribute -> attribute.name(ChatDetailsTable.BROADCAST_MESSAGE)
                    .getter(ChatDetailsItem::getBroadcastMessage).setter(ChatDetailsItem::setBroadcastMessage))
            .addAttribute(String.class, attribute -> attribute.name(ChatDetailsTable.LATEST_BROADCAST_TIME)
                    .getter(ChatDetailsItem::getLatestBroadcastTime).setter(ChatDetailsItem::setLatestBroadcastTime))
            .addAttribute(String.class, attribute -> attribute.name(ChatDetailsTable.BROADCAST_SENDER)
                    .getter(ChatDetailsItem::getBroadcastSender).setter(ChatDetailsItem::setBroadcastSender))
            .addAttribute(Long.class, attribute -> attribute.name(ChatDetailsTable.EXPIRES_AT)
                    .getter(ChatDetailsItem::getExpiresAt).setter(ChatDetailsItem::setExpiresAt))
            .build();

    private String connectionId;
    private String activeShard;
    private String activeUser;
    private String displayName;
    private String userId;
    private List<String> roomAccess;
    private String connectionTime;
    private String disconnectTime;
    private String disconnectReason;
    private String message;
    private String latestMessageTime;
    private String broadcastMessage;
    private String latestBroadcastTime;
    private String broadcastSender;
    private Long expiresAt;

    /** A just-registered, active connection. */
    static ChatDetailsItem active(Connection connection, String activeShard, Instant expiresAt) {
        ChatDetailsItem item = new ChatDetailsItem();
        item.connectionId = connection.id().value();
        item.activeShard = activeShard;
        item.displayName = connection.displayName().value();
        item.userId = connection.userId().map(UserId::value).orElse(null);
        item.activeUser = item.userId;
        item.roomAccess = connection.roomAccess().everyRoom() ? null : connection.roomAccess().patterns();
        item.connectionTime = isoUtc(connection.connectedAt());
        item.expiresAt = expiresAt.getEpochSecond();
        return item;
    }

    /** How every time is written: ISO-8601 in UTC, such as {@code 2026-11-25T10:15:30.123Z}. */
    static String isoUtc(Instant instant) {
        return instant.toString();
    }

    /** The connection, from an item of the table or of the active-connections index. */
    Connection toConnection() {
        return new Connection(
                new ConnectionId(connectionId),
                new DisplayName(required(ChatDetailsTable.DISPLAY_NAME, displayName)),
                instant(ChatDetailsTable.CONNECTION_TIME, required(ChatDetailsTable.CONNECTION_TIME, connectionTime)),
                Optional.ofNullable(userId).map(UserId::new),
                roomAccess());
    }

    private RoomAccess roomAccess() {
        if (roomAccess == null) {
            return RoomAccess.EVERY_ROOM;
        }
        try {
            return RoomAccess.only(roomAccess);
        } catch (IllegalArgumentException notPatterns) {
            throw corrupt("has " + ChatDetailsTable.ROOM_ACCESS + " " + roomAccess + ": " + notPatterns.getMessage());
        }
    }

    /** The connection and its audit trail; fails, naming the item and attribute, on an item Parley did not write. */
    ConnectionRecord toRecord() {
        Optional<Disconnection> disconnection = pair(ChatDetailsTable.DISCONNECT_TIME, disconnectTime,
                ChatDetailsTable.DISCONNECT_REASON, disconnectReason)
                .map(reason -> new Disconnection(instant(ChatDetailsTable.DISCONNECT_TIME, disconnectTime),
                        new DisconnectReason(reason)));
        Optional<PostedText> latestMessage = pair(ChatDetailsTable.LATEST_MESSAGE_TIME, latestMessageTime,
                ChatDetailsTable.MESSAGE, message)
                .map(text -> new PostedText(new MessageText(text),
                        instant(ChatDetailsTable.LATEST_MESSAGE_TIME, latestMessageTime)));
        Optional<PostedText> latestBroadcast = pair(ChatDetailsTable.LATEST_BROADCAST_TIME, latestBroadcastTime,
                ChatDetailsTable.BROADCAST_MESSAGE, broadcastMessage)
                .map(text -> new PostedText(new MessageText(text),
                        instant(ChatDetailsTable.LATEST_BROADCAST_TIME, latestBroadcastTime),
                        Optional.ofNullable(broadcastSender).map(UserId::new)));
        return new ConnectionRecord(toConnection(), disconnection, latestMessage, latestBroadcast);
    }

    /** The value that goes with a time: both are written together, so an item with only one is not Parley's. */
    private <T> Optional<T> pair(String timeName, String time, String valueName, T value) {
        if ((time == null) != (value == null)) {
            throw corrupt(time == null
                    ? "has " + valueName + " without " + timeName
                    : "has " + timeName + " without " + valueName);
        }
        return Optional.ofNullable(value);
    }

    private String required(String name, String value) {
        if (value == null) {
            throw corrupt("has no " + name);
        }
        return value;
    }

    private Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw corrupt("has " + name + " '" + value + "', not an ISO-8601 UTC time");
        }
    }

    private IllegalStateException corrupt(String problem) {
        return new IllegalStateException("the chat details item of connection " + connectionId + " " + problem);
    }

    // The accessors the schema maps.

    String getConnectionId() {
        return connectionId;
    }

    void setConnectionId(String connectionId) {
        this.connectionId = connectionId;
    }

    String getActiveShard() {
        return activeShard;
    }

    void setActiveShard(String activeShard) {
        this.activeShard = activeShard;
    }

    String getActiveUser() {
        return activeUser;
    }

    void setActiveUser(String activeUser) {
        this.activeUser = activeUser;
    }

    String getDisplayName() {
        return displayName;
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    String getUserId() {
        return userId;
    }

    void setUserId(String userId) {
        this.userId = userId;
    }

    List<String> getRoomAccess() {
        return roomAccess;
    }

    void setRoomAccess(List<String> roomAccess) {
        this.roomAccess = roomAccess;
    }

    String getConnectionTime() {
        return connectionTime;
    }

    void setConnectionTime(String connectionTime) {
        this.connectionTime = connectionTime;
    }

    String getDisconnectTime() {
        return disconnectTime;
    }

    void setDisconnectTime(String disconnectTime) {
        this.disconnectTime = disconnectTime;
    }

    String getDisconnectReason() {
        return disconnectReason;
    }

    void setDisconnectReason(String disconnectReason) {
        this.disconnectReason = disconnectReason;
    }

    String getMessage() {
        return message;
    }

    void setMessage(String message) {
        this.message = message;
    }

    String getLatestMessageTime() {
        return latestMessageTime;
    }

    void setLatestMessageTime(String latestMessageTime) {
        this.latestMessageTime = latestMessageTime;
    }

    String getBroadcastMessage() {
        return broadcastMessage;
    }

    void setBroadcastMessage(String broadcastMessage) {
        this.broadcastMessage = broadcastMessage;
    }

    String getBroadcastSender() {
        return broadcastSender;
    }

    void setBroadcastSender(String broadcastSender) {
        this.broadcastSender = broadcastSender;
    }

    String getLatestBroadcastTime() {
        return latestBroadcastTime;
    }

    void setLatestBroadcastTime(String latestBroadcastTime) {
        this.latestBroadcastTime = latestBroadcastTime;
    }

    Long getExpiresAt() {
        return expiresAt;
    }

    void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }
}
