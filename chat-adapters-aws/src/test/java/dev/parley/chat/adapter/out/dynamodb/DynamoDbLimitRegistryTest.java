package dev.parley.chat.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.ConnectionAdmission;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.ConnectionLimit;
import dev.parley.chat.domain.model.MessageDecision;
import dev.parley.chat.domain.model.MessageRateLimit;
import dev.parley.chat.domain.model.PresenceKey;
import dev.parley.chat.domain.model.UserConnections;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.out.AbstractLimitRegistryTest;
import dev.parley.chat.domain.port.out.LimitRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The limit registry contract on a real dynalite, and what its items look like in the table. */
class DynamoDbLimitRegistryTest extends AbstractLimitRegistryTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123Z");
    private static final MessageRateLimit TEN_A_SECOND_BURST_OF_20 = new MessageRateLimit(10, 20);

    private static LocalDynamoDb dynamoDb;

    private String tableName;
    private DynamoDbLimitRegistry registry;

    @BeforeAll
    static void startDynalite() {
        dynamoDb = LocalDynamoDb.start();
    }

    @AfterAll
    static void stopDynalite() {
        dynamoDb.close();
    }

    @Override
    protected LimitRegistry createEmptyRegistry() {
        tableName = dynamoDb.createChatDetailsTable();
        registry = new DynamoDbLimitRegistry(dynamoDb.client(), tableName);
        dynamoDb.operations().reset();
        return registry;
    }

    @Test
    void givenATokenTaken_takeToken_isOneConditionalWriteOfAnItemThatExpiresWhenTheBucketIsFullAgain() {
        var sender = PresenceKey.of(new UserId("auth0|ada"));
        var taken = (MessageDecision.Allowed) TEN_A_SECOND_BURST_OF_20.take(Optional.empty(), NOW);
        dynamoDb.operations().reset();

        registry.takeToken(sender, taken, TEN_A_SECOND_BURST_OF_20.fullAgainAt(taken.after()));

        assertThat(dynamoDb.operations().count("PutItem")).isOne();
        assertThat(dynamoDb.operations().count("UpdateItem") + dynamoDb.operations().count("TransactWriteItems")).isZero();
        Map<String, AttributeValue> item = rawItem("limit#allowance#user:auth0|ada");
        assertThat(new BigDecimal(item.get("SendTokens").n())).isEqualByComparingTo("19");
        assertThat(item.get("SendTokensAt").s()).isEqualTo("2026-11-25T10:15:30.123Z");
        // 100 ms to refill the token taken, rounded up to the next whole second.
        assertThat(item.get("ExpiresAt").n()).isEqualTo(Long.toString(NOW.getEpochSecond() + 1));
        assertThat(item).doesNotContainKeys(ChatDetailsTable.ACTIVE_SHARD, ChatDetailsTable.ACTIVE_USER);
    }

    @Test
    void givenAPlaceTaken_replaceConnections_storesThePlacesUnderTheUserAndExpiresWhenTheLastLapses() {
        var user = new UserId("auth0|ada");
        var connection = new ConnectionId("L0SM9cOFvHcCIhw=");
        var admitted = (ConnectionAdmission.Admitted) UserConnections.NONE.admit(connection, NOW, ConnectionLimit.DEFAULT);

        registry.replaceConnections(user, admitted.before(), admitted.after());

        Map<String, AttributeValue> item = rawItem("limit#connections#auth0|ada");
        assertThat(item.get("Revision").n()).isEqualTo("1");
        assertThat(item.get("OpenConnections").m()).containsOnlyKeys(connection.value());
        assertThat(item.get("OpenConnections").m().get(connection.value()).s()).isEqualTo("2026-11-25T10:15:30.123Z");
        assertThat(item.get("ExpiresAt").n()).isEqualTo(Long.toString(NOW.plusSeconds(7200).getEpochSecond() + 1));
    }

    private Map<String, AttributeValue> rawItem(String key) {
        return dynamoDb.client().getItem(request -> request.tableName(tableName)
                .key(Map.of(ChatDetailsTable.CONNECTION_ID, AttributeValue.fromS(key)))).item();
    }
}
