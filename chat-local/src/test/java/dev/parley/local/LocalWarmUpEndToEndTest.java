package dev.parley.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.local.gateway.TestClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The command line's warm-up, run against a real gateway on dynalite. */
class LocalWarmUpEndToEndTest {

    private static final AtomicInteger TABLES = new AtomicInteger();

    private static LocalDynamoDb dynalite;

    @BeforeAll
    static void startDynalite() {
        dynalite = LocalDynamoDb.start();
    }

    @AfterAll
    static void stopDynalite() {
        dynalite.close();
    }

    @Test
    void givenAFreshParley_warmUp_runsEveryRoundAndLeavesNoConnectionOpenNorLobbyHistory() throws InterruptedException {
        String table = table();
        try (ParleyLocal parley = start(table)) {
            LocalWarmUp.Report report = parley.warmUp();

            assertThat(report.rounds()).isPositive();
            assertThat(report.messages()).isEqualTo(report.rounds() * LocalWarmUp.CLIENTS);
            assertThat(report.took()).isPositive();
            // Their $disconnect runs after the close, as on AWS.
            List<Map<String, AttributeValue>> rows = rowsOnceAllDisconnected(table);
            assertThat(rows).hasSize(LocalWarmUp.CLIENTS).allSatisfy(row -> {
                assertThat(row.get("DisplayName").s()).startsWith("warm-up-");
                assertThat(row).containsKey("DisconnectTime");
            });
            TestClient ann = ParleyCalls.connect(parley.gateway().urls(), "Ann");
            ann.send("{\"action\":\"history\",\"room\":\"lobby\"}");
            assertThat(ann.next()).contains("\"type\":\"history\"").contains("\"messages\":[]");
            ann.close();
        }
    }

    @Test
    void givenAPathThatFails_warmUp_saysWhatFailed() {
        String table = table();
        try (ParleyLocal parley = start(table)) {
            dynalite.client().deleteTable(request -> request.tableName(table));

            assertThatThrownBy(parley::warmUp).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the warm-up failed").hasMessageContaining("could not connect");
        }
    }

    private static List<Map<String, AttributeValue>> rowsOnceAllDisconnected(String table) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<Map<String, AttributeValue>> rows = new ChatRows(dynalite.client(), table).all();
        while (!rows.stream().allMatch(row -> row.containsKey("DisconnectTime")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            rows = new ChatRows(dynalite.client(), table).all();
        }
        return rows;
    }

    private static String table() {
        return "chatDetails-warm-up-" + TABLES.incrementAndGet();
    }

    private static ParleyLocal start(String table) {
        return ParleyLocal.start(LocalOptions.parse("--port", "0", "--dynamodb-endpoint",
                dynalite.endpoint().toString(), "--table", table));
    }
}
