package dev.parley.chat.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.domain.model.ConnectionId;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DynamoDbRegistrySettingsTest {

    @Test
    void givenTableName_defaults_areFourShardsDynamoDbsPagesAndThirtyDays() {
        DynamoDbRegistrySettings settings = DynamoDbRegistrySettings.defaults("chatDetails");

        assertThat(settings.tableName()).isEqualTo("chatDetails");
        assertThat(settings.activeShards()).isEqualTo(4);
        assertThat(settings.queryPageSize()).isZero();
        assertThat(settings.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.shards()).containsExactly("0", "1", "2", "3");
    }

    @Test
    void givenOutOfRangeValues_create_isRefusedSayingWhatIsAllowed() {
        Duration month = Duration.ofDays(30);
        assertThatThrownBy(() -> new DynamoDbRegistrySettings("x", 4, 0, month))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table name");
        assertThatThrownBy(() -> new DynamoDbRegistrySettings("chatDetails", 0, 0, month))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("active shards must be 1 to 256");
        assertThatThrownBy(() -> new DynamoDbRegistrySettings("chatDetails", 257, 0, month))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 257");
        assertThatThrownBy(() -> new DynamoDbRegistrySettings("chatDetails", 4, -1, month))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query page size");
        assertThatThrownBy(() -> new DynamoDbRegistrySettings("chatDetails", 4, 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention must be positive");
        assertThatThrownBy(() -> new DynamoDbRegistrySettings("chatDetails", 4, 0, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("retention");
    }

    @Test
    void givenManyIds_shardOf_isTheSameEachTimeAndSpreadsOverEveryShard() {
        DynamoDbRegistrySettings settings = DynamoDbRegistrySettings.defaults("chatDetails");
        DynamoDbRegistrySettings sameAgain = DynamoDbRegistrySettings.defaults("chatDetails");
        List<ConnectionId> ids = gatewayLikeIds(2_000);

        Map<String, Long> perShard = ids.stream()
                .collect(Collectors.groupingBy(settings::shardOf, Collectors.counting()));

        assertThat(ids).allSatisfy(id -> assertThat(sameAgain.shardOf(id)).isEqualTo(settings.shardOf(id)));
        assertThat(perShard).containsOnlyKeys("0", "1", "2", "3");
        assertThat(perShard.values()).allSatisfy(count -> assertThat(count).isBetween(400L, 600L));
    }

    private static List<ConnectionId> gatewayLikeIds(int count) {
        Random random = new Random(42);
        Function<Integer, ConnectionId> id = i -> {
            byte[] bytes = new byte[10];
            random.nextBytes(bytes);
            return new ConnectionId(Base64.getEncoder().encodeToString(bytes).substring(0, 15) + "=");
        };
        return IntStream.range(0, count).boxed().map(id).toList();
    }
}
