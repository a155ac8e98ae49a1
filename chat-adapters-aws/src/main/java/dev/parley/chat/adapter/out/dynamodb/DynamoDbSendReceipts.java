package dev.parley.chat.adapter.out.dynamodb;

import static dev.parley.chat.adapter.out.dynamodb.ChatDetailsItem.isoUtc;
import static dev.parley.chat.adapter.out.dynamodb.DynamoDbMessageHistory.number;

import dev.parley.chat.domain.model.Epoch;
import dev.parley.chat.domain.model.HistoryPosition;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.ResendKey;
import dev.parley.chat.domain.model.SendReceipt;
import dev.parley.chat.domain.port.out.SendReceipts;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Send receipts as items of the {@link ChatHistoryTable} ({@code r#<resend key>}), each change one conditional write
 * (ADR 0010). A receipt expires, to the second, {@link SendReceipt#RESEND_WINDOW} after its message was first sent:
 * a claim then replaces it, and DynamoDB's time to live deletes it.
 */
public final class DynamoDbSendReceipts implements SendReceipts {

    /** How often a claim tries again when the receipt that refused it is gone when read (released meanwhile). */
    private static final int MAX_CLAIMS = 5;

    private final DynamoDbClient dynamoDb;
    private final DynamoDbHistorySettings settings;

    public DynamoDbSendReceipts(DynamoDbClient dynamoDb, DynamoDbHistorySettings settings) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "DynamoDB client");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Optional<SendReceipt> claim(ResendKey key, SendReceipt receipt, Instant at) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(receipt, "receipt");
        Map<String, AttributeValue> item = new HashMap<>(keyOf(key));
        item.put(ChatHistoryTable.MESSAGE_ID, AttributeValue.fromS(receipt.id().toString()));
        item.put(ChatHistoryTable.FIRST_SENT_AT, AttributeValue.fromS(isoUtc(receipt.firstSentAt())));
        item.put(ChatHistoryTable.EXPIRES_AT, number(receipt.expiresAt().getEpochSecond()));
        for (int attempt = 1; attempt <= MAX_CLAIMS; attempt++) {
            try {
                dynamoDb.putItem(request -> request
                        .tableName(settings.tableName())
                        .item(item)
                        .conditionExpression("attribute_not_exists(#stream) OR #expiresAt <= :now")
                        .expressionAttributeNames(Map.of("#stream", ChatHistoryTable.STREAM,
                                "#expiresAt", ChatHistoryTable.EXPIRES_AT))
                        .expressionAttributeValues(Map.of(":now", number(at.getEpochSecond()))));
                return Optional.empty();
            } catch (ConditionalCheckFailedException held) {
                Optional<SendReceipt> holder = read(key);
                if (holder.isPresent()) {
                    return holder;
                }
            }
        }
        throw new IllegalStateException("the receipt of " + key.value() + " kept changing while it was claimed");
    }

    @Override
    public void settle(ResendKey key, SendReceipt receipt) {
        Objects.requireNonNull(key, "key");
        HistoryPosition position = receipt.position()
                .orElseThrow(() -> new IllegalArgumentException("a settled receipt has its message's place"));
        try {
            dynamoDb.updateItem(request -> request
                    .tableName(settings.tableName())
                    .key(keyOf(key))
                    .updateExpression("SET #epoch = :epoch, #position = :position")
                    .conditionExpression("#messageId = :id")
                    .expressionAttributeNames(Map.of("#epoch", ChatHistoryTable.EPOCH,
                            "#position", ChatHistoryTable.POSITION, "#messageId", ChatHistoryTable.MESSAGE_ID))
                    .expressionAttributeValues(Map.of(":epoch", AttributeValue.fromS(position.epoch().value()),
                            ":position", number(position.seq()), ":id", AttributeValue.fromS(receipt.id().toString()))));
        } catch (ConditionalCheckFailedException heldByAnother) {
            // Another message holds the key (this one's receipt expired and was replaced): nothing to settle.
        }
    }

    @Override
    public void release(ResendKey key, MessageId id) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(id, "id");
        try {
            dynamoDb.deleteItem(request -> request
                    .tableName(settings.tableName())
                    .key(keyOf(key))
                    .conditionExpression("#messageId = :id")
                    .expressionAttributeNames(Map.of("#messageId", ChatHistoryTable.MESSAGE_ID))
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(id.toString()))));
        } catch (ConditionalCheckFailedException heldByAnother) {
            // Another message holds the key: it is not this one's to give up.
        }
    }

    private Optional<SendReceipt> read(ResendKey key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request
                        .tableName(settings.tableName())
                        .key(keyOf(key))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Optional<HistoryPosition> position = Optional.ofNullable(item.get(ChatHistoryTable.POSITION))
                .map(seq -> new HistoryPosition(new Epoch(item.get(ChatHistoryTable.EPOCH).s()), Long.parseLong(seq.n())));
        return Optional.of(new SendReceipt(new MessageId(UUID.fromString(item.get(ChatHistoryTable.MESSAGE_ID).s())),
                Instant.parse(item.get(ChatHistoryTable.FIRST_SENT_AT).s()), position));
    }

    private static Map<String, AttributeValue> keyOf(ResendKey key) {
        return Map.of(ChatHistoryTable.STREAM, AttributeValue.fromS(ChatHistoryTable.RECEIPT_PREFIX + key.value()),
                ChatHistoryTable.SEQ, number(0));
    }
}
