package dev.parley.chat.adapter.out.dynamodb;

import static dev.parley.chat.adapter.out.dynamodb.ChatDetailsItem.isoUtc;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.MessageAllowance;
import dev.parley.chat.domain.model.MessageDecision;
import dev.parley.chat.domain.model.PresenceKey;
import dev.parley.chat.domain.model.UserConnections;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.out.LimitRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The limits in the {@link ChatDetailsTable}, beside the connections, under keys no connection id can have: one item
 * per sender's allowance and one per user's open connections (ADR 0009). Each is read consistently and written with
 * one conditional PutItem whose condition is that the item still holds what the domain's rule was applied to: DynamoDB
 * checks it against the item as it is at the write, so concurrent instances cannot both pass it, without a
 * transaction. Each item expires (time to live) once forgetting it changes nothing: an allowance when its bucket is full
 * again, a user's places when the last has lapsed.
 */
public final class DynamoDbLimitRegistry implements LimitRegistry {

    private static final String IS_NEW = "attribute_not_exists(#key)";
    private static final Map<String, String> KEY_NAME = Map.of("#key", ChatDetailsTable.CONNECTION_ID);

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbLimitRegistry(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "DynamoDB client");
        this.tableName = ChatDetailsTable.requireValidName(tableName);
    }

    @Override
    public Optional<MessageAllowance> allowance(PresenceKey sender) {
        Objects.requireNonNull(sender, "sender");
        String key = allowanceKey(sender);
        return read(key).map(item -> new MessageAllowance(
                new BigDecimal(required(item, key, ChatDetailsTable.SEND_TOKENS).n()),
                instant(key, ChatDetailsTable.SEND_TOKENS_AT, required(item, key, ChatDetailsTable.SEND_TOKENS_AT).s())));
    }

    @Override
    public boolean takeToken(PresenceKey sender, MessageDecision.Allowed taken, Instant fullAgainAt) {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(taken, "taken");
        Objects.requireNonNull(fullAgainAt, "full again at");
        String key = allowanceKey(sender);
        Map<String, AttributeValue> item = Map.of(
                ChatDetailsTable.CONNECTION_ID, AttributeValue.fromS(key),
                ChatDetailsTable.SEND_TOKENS, tokens(taken.after()),
                ChatDetailsTable.SEND_TOKENS_AT, AttributeValue.fromS(isoUtc(taken.after().at())),
                ChatDetailsTable.EXPIRES_AT, epochSeconds(fullAgainAt));
        if (taken.before().isEmpty()) {
            return putIf(item, IS_NEW, KEY_NAME, Map.of());
        }
        MessageAllowance before = taken.before().get();
        return putIf(item, "#tokens = :tokensBefore AND #tokensAt = :tokensAtBefore",
                Map.of("#tokens", ChatDetailsTable.SEND_TOKENS, "#tokensAt", ChatDetailsTable.SEND_TOKENS_AT), Map.of(
                ":tokensBefore", tokens(before),
                ":tokensAtBefore", AttributeValue.fromS(isoUtc(before.at()))));
    }

    @Override
    public UserConnections connectionsOf(UserId user) {
        Objects.requireNonNull(user, "user");
        String key = connectionsKey(user);
        return read(key).map(item -> {
            long revision = Long.parseLong(required(item, key, ChatDetailsTable.REVISION).n());
            Map<ConnectionId, Instant> open = new HashMap<>();
            required(item, key, ChatDetailsTable.OPEN_CONNECTIONS).m().forEach((id, openedAt) ->
                    open.put(new ConnectionId(id), instant(key, ChatDetailsTable.OPEN_CONNECTIONS, openedAt.s())));
            return new UserConnections(revision, open);
        }).orElse(UserConnections.NONE);
    }

    @Override
    public boolean replaceConnections(UserId user, UserConnections before, UserConnections after) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Map<String, AttributeValue> open = new HashMap<>();
        after.open().forEach((id, openedAt) -> open.put(id.value(), AttributeValue.fromS(isoUtc(openedAt))));
        Map<String, AttributeValue> item = Map.of(
                ChatDetailsTable.CONNECTION_ID, AttributeValue.fromS(connectionsKey(user)),
                ChatDetailsTable.OPEN_CONNECTIONS, AttributeValue.fromM(open),
                ChatDetailsTable.REVISION, AttributeValue.fromN(Long.toString(after.revision())),
                ChatDetailsTable.EXPIRES_AT, epochSeconds(after.lapsesAt()));
        if (before.revision() == UserConnections.NONE.revision()) {
            return putIf(item, IS_NEW, KEY_NAME, Map.of());
        }
        return putIf(item, "#revision = :revisionBefore", Map.of("#revision", ChatDetailsTable.REVISION),
                Map.of(":revisionBefore", AttributeValue.fromN(Long.toString(before.revision()))));
    }

    static String allowanceKey(PresenceKey sender) {
        return ChatDetailsTable.ALLOWANCE_KEY_PREFIX + sender.value();
    }

    static String connectionsKey(UserId user) {
        return ChatDetailsTable.CONNECTIONS_KEY_PREFIX + user.value();
    }

    private Optional<Map<String, AttributeValue>> read(String key) {
        // Consistent: the conditional write that follows must be decided on what the previous one stored.
        var response = dynamoDb.getItem(request -> request
                .tableName(tableName)
                .key(Map.of(ChatDetailsTable.CONNECTION_ID, AttributeValue.fromS(key)))
                .consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    /** Puts {@code item} when {@code condition} holds; false, writing nothing, when it does not. */
    private boolean putIf(Map<String, AttributeValue> item, String condition, Map<String, String> names,
            Map<String, AttributeValue> values) {
        try {
            dynamoDb.putItem(request -> {
                request.tableName(tableName).item(item).conditionExpression(condition).expressionAttributeNames(names);
                if (!values.isEmpty()) {
                    request.expressionAttributeValues(values);
                }
            });
            return true;
        } catch (ConditionalCheckFailedException conditionNotMet) {
            return false;
        }
    }

    /** A plain decimal (never an exponent), which DynamoDB compares by value: 19.500000 equals a stored 19.5. */
    private static AttributeValue tokens(MessageAllowance allowance) {
        return AttributeValue.fromN(allowance.tokens().toPlainString());
    }

    /** Rounded up, so the item outlives the moment it could first be forgotten. */
    private static AttributeValue epochSeconds(Instant at) {
        long seconds = at.getEpochSecond() + (at.getNano() > 0 ? 1 : 0);
        return AttributeValue.fromN(Long.toString(seconds));
    }

    private static AttributeValue required(Map<String, AttributeValue> item, String key, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw new IllegalStateException("the limit item " + key + " has no " + name);
        }
        return value;
    }

    private static Instant instant(String key, String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException | NullPointerException notATime) {
            throw new IllegalStateException("the limit item " + key + " has " + name + " '" + value
                    + "', not an ISO-8601 UTC time", notATime);
        }
    }
}
