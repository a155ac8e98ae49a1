package dev.parley.dynalite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DynaliteInstallationTest {

    @TempDir
    Path temp;

    @Test
    void givenDynaliteInAnAncestor_locate_findsTheNearestOne() throws IOException {
        Path outer = installedAt(temp);
        Path inner = installedAt(temp.resolve("repo"));
        Path workingDirectory = Files.createDirectories(temp.resolve("repo/module/src"));

        Path cli = DynaliteInstallation.locateCli(Optional.empty(), workingDirectory, Optional.of(outer.toString()));

        assertThat(cli).isEqualTo(inner.resolve(DynaliteInstallation.CLI));
    }

    @Test
    void givenNoneUpward_locate_fallsBackToParleyHome() throws IOException {
        Path home = installedAt(temp.resolve("home"));
        Path workingDirectory = Files.createDirectories(temp.resolve("elsewhere"));

        Path cli = DynaliteInstallation.locateCli(Optional.empty(), workingDirectory, Optional.of(home.toString()));

        assertThat(cli).isEqualTo(home.resolve(DynaliteInstallation.CLI));
    }

    @Test
    void givenExplicitRootWithoutDynalite_locate_ignoresTheOthersAndSaysToRunNpmCi() throws IOException {
        installedAt(temp);
        Path explicitRoot = Files.createDirectories(temp.resolve("bare"));

        assertThatThrownBy(() -> DynaliteInstallation.locateCli(Optional.of(explicitRoot), temp, Optional.empty()))
                .isInstanceOf(DynaliteStartException.class)
                .hasMessageContaining("Run `npm ci` at the repository root")
                .hasMessageContaining(explicitRoot.toString());
    }

    private static Path installedAt(Path root) throws IOException {
        Path cli = root.resolve(DynaliteInstallation.CLI);
        Files.createDirectories(cli.getParent());
        Files.writeString(cli, "// stand-in for dynalite's cli.js\n");
        return root;
    }
}
