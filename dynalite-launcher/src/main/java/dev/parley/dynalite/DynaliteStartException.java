package dev.parley.dynalite;

/** dynalite could not be started: not installed, no Node.js, or the process failed or never answered. */
public class DynaliteStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DynaliteStartException(String message) {
        super(message);
    }

    DynaliteStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
