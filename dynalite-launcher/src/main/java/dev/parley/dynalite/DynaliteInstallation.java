package dev.parley.dynalite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the project's {@code npm ci}-installed dynalite, pinned in the root package.json. */
final class DynaliteInstallation {

    static final Path CLI = Path.of("node_modules", "dynalite", "cli.js");

    private DynaliteInstallation() {
    }

    /**
     * The dynalite command-line script: under {@code projectRoot} when given; otherwise under the nearest folder
     * upward from {@code workingDirectory} that has it, then under {@code parleyHome}.
     */
    static Path locateCli(Optional<Path> projectRoot, Path workingDirectory, Optional<String> parleyHome) {
        List<Path> searched = new ArrayList<>();
        if (projectRoot.isPresent()) {
            searched.add(projectRoot.get().toAbsolutePath());
        } else {
            for (Path folder = workingDirectory.toAbsolutePath(); folder != null; folder = folder.getParent()) {
                searched.add(folder);
            }
            parleyHome.filter(home -> !home.isBlank()).map(Path::of).map(Path::toAbsolutePath).ifPresent(searched::add);
        }
        return searched.stream()
                .map(folder -> folder.resolve(CLI))
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(() -> new DynaliteStartException("dynalite is not installed: no " + CLI + " under "
                        + searched + ". Run `npm ci` at the repository root (or set PARLEY_HOME to it)."));
    }
}
