package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionsTest {

    private static final Set<String> KNOWN = Set.of("runs", "registry");

    @Test
    void givenKnownOptions_parse_readsTheirValuesAndDefaultsTheRest() {
        Options options = Options.parse(new String[] {"--runs", "100_000"}, KNOWN);

        assertThat(options.integer("runs", 3, 1)).isEqualTo(100_000);
        assertThat(options.choice("registry", "memory", Set.of("memory", "dynalite"))).isEqualTo("memory");
    }

    @Test
    void givenMistakes_parse_namesTheOptionAndWhatIsWrong() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--rnus", "3"}, KNOWN))
                .hasMessageStartingWith("unknown option --rnus; the options are --registry, --runs");
        assertThatThrownBy(() -> Options.parse(new String[] {"--runs"}, KNOWN)).hasMessage("--runs needs a value");
        assertThatThrownBy(() -> Options.parse(new String[] {"--runs", "1", "--runs", "2"}, KNOWN))
                .hasMessage("--runs is given twice");
        assertThatThrownBy(() -> Options.parse(new String[] {"--runs", "0"}, KNOWN).integer("runs", 3, 1))
                .hasMessage("--runs must be a whole number of at least 1, not '0'");
        assertThatThrownBy(() -> Options.parse(new String[] {"--registry", "redis"}, KNOWN)
                .choice("registry", "memory", Set.of("memory", "dynalite")))
                .hasMessage("--registry must be one of [dynalite, memory], not 'redis'");
    }
}
