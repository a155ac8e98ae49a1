package dev.parley.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AwsIdsTest {

    @Test
    void givenManyIds_newId_hasApiGatewaysShapeAndNeverRepeats() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String id = AwsIds.newId();
            assertThat(id).hasSize(16).endsWith("=").matches("[A-Za-z0-9_-]{15}=");
            ids.add(id);
        }
        assertThat(ids).hasSize(1_000);
    }

    @Test
    void givenNewApi_newApiId_isTenLowercaseLettersAndDigits() {
        assertThat(AwsIds.newApiId()).matches("[a-z0-9]{10}");
    }
}
