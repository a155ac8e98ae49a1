package dev.parley.dynalite;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start dynalite.
 *
 * @param dataDir     where dynalite keeps its LevelDB store; empty keeps everything in memory
 * @param port        the loopback port to listen on; 0 picks a free one
 * @param projectRoot the folder whose {@code node_modules/dynalite} to run; empty searches upward from the working
 *                    directory, then {@code PARLEY_HOME}
 * @param stopOnJvmExit whether a JVM shutdown hook stops dynalite; false when the caller's own hook must stop it
 *                    later, after what still writes to it (Java runs shutdown hooks concurrently, in no order)
 */
public record DynaliteOptions(Optional<Path> dataDir, int port, Optional<Path> projectRoot, boolean stopOnJvmExit) {

    public DynaliteOptions {
        Objects.requireNonNull(dataDir, "data dir");
        Objects.requireNonNull(projectRoot, "project root");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1 to 65535, not " + port);
        }
    }

    /** In memory, on a free port, with the project found from the working directory. */
    public static DynaliteOptions inMemory() {
        return new DynaliteOptions(Optional.empty(), 0, Optional.empty(), true);
    }

    /** Kept in {@code dataDir} across restarts, on a free port, with the project found from the working directory. */
    public static DynaliteOptions persistentIn(Path dataDir) {
        return new DynaliteOptions(Optional.of(dataDir), 0, Optional.empty(), true);
    }

    public DynaliteOptions withPort(int newPort) {
        return new DynaliteOptions(dataDir, newPort, projectRoot, stopOnJvmExit);
    }

    public DynaliteOptions withProjectRoot(Path root) {
        return new DynaliteOptions(dataDir, port, Optional.of(root), stopOnJvmExit);
    }

    /** The caller stops dynalite itself, also when the JVM exits. */
    public DynaliteOptions stoppedByCaller() {
        return new DynaliteOptions(dataDir, port, projectRoot, false);
    }
}
