package dev.parley.chat.settings.aws;

import dev.parley.chat.settings.dynamodb.TableSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.settings.InvalidSettingException;
import dev.parley.chat.settings.SendRateSettings;
import dev.parley.chat.settings.Setting;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingTest {

    @Test
    void givenNoValue_read_givesTheDefaultWhereverItIsRead() {
        assertThat(TableSettings.ACTIVE_SHARDS.fromEnvironment(Map.of())).isEqualTo(4);
        assertThat(TableSettings.ACTIVE_SHARDS.fromContext(key -> null)).isEqualTo(4);
    }

    @Test
    void givenAValueOutOfRange_fromEnvironment_namesTheVariableTheRangeAndTheValue() {
        assertThatThrownBy(() -> TableSettings.ACTIVE_SHARDS.fromEnvironment(Map.of("ACTIVE_SHARDS", "300")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("environment variable ACTIVE_SHARDS must be a whole number from 1 to 256, not '300'");
    }

    @Test
    void givenAValueOutOfRange_fromContext_namesTheKeyTheRangeAndHowToSetIt() {
        assertThatThrownBy(() -> TableSettings.ACTIVE_SHARDS.fromContext(Map.<String, Object>of("activeShards", 300)::get))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("context 'activeShards' must be a whole number from 1 to 256, not '300'"
                        + " (set it with -c activeShards=VALUE)");
    }

    @Test
    void givenAValueOutOfRange_fromFlag_namesTheOptionAndTheRange() {
        assertThatThrownBy(() -> SendRateSettings.BURST.fromFlag("0"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("--send-burst must be a whole number from 1 to 1000000, not '0'");
    }

    @Test
    void givenABlankValue_fromEnvironment_refusesItRatherThanTakingTheDefault() {
        assertThatThrownBy(() -> TableSettings.TABLE_NAME.fromEnvironment(Map.of("TABLE_NAME", "  ")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageEndingWith("not ''");
    }

    @Test
    void givenASettingWithoutContextKeyOrFlag_fromContextOrFlag_isAProgrammingError() {
        assertThatThrownBy(() -> SendRateSettings.BURST.fromContext(key -> "5")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TableSettings.ACTIVE_SHARDS.fromFlag("5")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenADefaultOutOfItsOwnRange_declare_isRefused() {
        assertThatThrownBy(() -> new Setting<>("SHARDS", Optional.empty(), Optional.empty(), "shards", 300,
                "a whole number from 1 to 256", text -> inRange(Integer.parseInt(text)), String::valueOf))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SHARDS");
    }

    @Test
    void givenSettings_toEnvironment_writesWhatFromEnvironmentReadsBack() {
        var table = new TableSettings("parley-chat", "parley-rooms", 8, 7);

        assertThat(table.toEnvironment()).containsOnly(Map.entry("TABLE_NAME", "parley-chat"),
                Map.entry("ROOMS_TABLE_NAME", "parley-rooms"), Map.entry("ACTIVE_SHARDS", "8"),
                Map.entry("CONNECTION_RETENTION_DAYS", "7"));
        assertThat(TableSettings.fromEnvironment(table.toEnvironment())).isEqualTo(table);
    }

    @Test
    void givenRoomsTableName_isChatRoomsByDefaultAndRefusesANameDynamoDbWouldNot() {
        assertThat(TableSettings.ROOMS_TABLE_NAME.fromEnvironment(Map.of())).isEqualTo("chatRooms");
        assertThat(TableSettings.ROOMS_TABLE_NAME.fromEnvironment(Map.of("ROOMS_TABLE_NAME", "parley.rooms")))
                .isEqualTo("parley.rooms");
        assertThatThrownBy(() -> TableSettings.ROOMS_TABLE_NAME.fromContext(Map.<String, Object>of("roomsTableName", "ab")::get))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("context 'roomsTableName' must be a DynamoDB table name: 3 to 255 characters of a-z, A-Z,"
                        + " 0-9, '_', '-' and '.', not 'ab' (set it with -c roomsTableName=VALUE)");
    }

    @Test
    void givenARate_format_writesAPlainDecimal() {
        assertThat(SendRateSettings.PER_SECOND.format(0.5)).isEqualTo("0.5");
        assertThat(SendRateSettings.PER_SECOND.format(10.0)).isEqualTo("10");
        assertThat(SendRateSettings.PER_SECOND.format(0.001)).isEqualTo("0.001");
    }

    private static int inRange(int shards) {
        if (shards < 1 || shards > 256) {
            throw new IllegalArgumentException("out of range");
        }
        return shards;
    }
}
