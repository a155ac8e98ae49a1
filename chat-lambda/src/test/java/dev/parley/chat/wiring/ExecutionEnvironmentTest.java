package dev.parley.chat.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;

class ExecutionEnvironmentTest {

    @Test
    void givenSnapStartEnvironment_credentials_comeFromTheContainerEndpoint() {
        var environment = Map.of(ExecutionEnvironment.CONTAINER_CREDENTIALS_URI, "http://127.0.0.1:9001/2021-04-23/credentials");

        assertThat(ExecutionEnvironment.credentials(environment)).isInstanceOf(ContainerCredentialsProvider.class);
    }

    @Test
    void givenKeysInTheEnvironment_credentials_areReadFromIt() {
        var environment = Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", "token");

        assertThat(ExecutionEnvironment.credentials(environment)).isInstanceOf(EnvironmentVariableCredentialsProvider.class);
    }
}
