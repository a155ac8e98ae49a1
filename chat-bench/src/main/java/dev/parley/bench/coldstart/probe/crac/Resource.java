package dev.parley.bench.coldstart.probe.crac;

/** What {@code org.crac} registers with {@link Context}: a proxy for the application's own hook. */
public interface Resource {

    void beforeCheckpoint(Context context) throws Exception;

    void afterRestore(Context context) throws Exception;
}
