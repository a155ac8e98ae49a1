package dev.parley.bench.coldstart.probe.crac;

/**
 * A stand-in for the CRaC implementation that Lambda's runtime gives {@code org.crac} under SnapStart, found by
 * {@code org.crac} through {@code -Dorg.crac.Core.Compat=dev.parley.bench.coldstart.probe.crac} (the same way Lambda
 * points it at its own). The cold-start probe takes the "snapshot" with {@link #checkpointRestore()}, so priming runs
 * through the very hook the handler registered. {@code org.crac} looks these classes and methods up by name.
 */
public final class Core {

    private static final Context GLOBAL = new Context();

    private Core() {}

    public static Context getGlobalContext() {
        return GLOBAL;
    }

    /** Runs every registered hook's {@code beforeCheckpoint}, then its {@code afterRestore}, as a snapshot would. */
    public static void checkpointRestore() throws CheckpointException, RestoreException {
        GLOBAL.checkpointRestore();
    }
}
