package dev.parley.dynalite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DynaliteOptionsTest {

    @Test
    void givenInMemory_options_haveNoDataDirAndAnyPort() {
        DynaliteOptions options = DynaliteOptions.inMemory();

        assertThat(options.dataDir()).isEmpty();
        assertThat(options.port()).isZero();
        assertThat(options.projectRoot()).isEmpty();
    }

    @Test
    void givenOutOfRangePort_create_isRefused() {
        assertThatThrownBy(() -> DynaliteOptions.inMemory().withPort(65_536))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65536");
        assertThatThrownBy(() -> DynaliteOptions.inMemory().withPort(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }

    @Test
    void givenNullDataDir_create_isRefused() {
        assertThatThrownBy(() -> new DynaliteOptions(null, 0, Optional.empty(), true))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("data dir");
    }

    @Test
    void givenPersistentOptions_withProjectRoot_keepsTheDataDir() {
        DynaliteOptions options = DynaliteOptions.persistentIn(Path.of("data")).withProjectRoot(Path.of("root"));

        assertThat(options.dataDir()).contains(Path.of("data"));
        assertThat(options.projectRoot()).contains(Path.of("root"));
    }
}
