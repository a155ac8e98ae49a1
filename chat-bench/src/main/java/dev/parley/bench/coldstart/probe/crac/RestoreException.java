package dev.parley.bench.coldstart.probe.crac;

/** A hook failed after the restore. */
public final class RestoreException extends Exception {

    private static final long serialVersionUID = 1L;

    public RestoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
