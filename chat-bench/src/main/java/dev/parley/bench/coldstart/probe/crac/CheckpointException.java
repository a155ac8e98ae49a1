package dev.parley.bench.coldstart.probe.crac;

/** A hook failed before the snapshot, or none was registered: Lambda would then publish no version. */
public final class CheckpointException extends Exception {

    private static final long serialVersionUID = 1L;

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
