package dev.parley.chat.domain.model;

/** A message text that breaks a rule of {@link MessageText}; {@link #violation()} says which. */
public final class InvalidMessageTextException extends IllegalArgumentException {

    public enum Violation { BLANK, TOO_LARGE }

    private final Violation violation;

    public InvalidMessageTextException(Violation violation, String message) {
        super(message);
        this.violation = violation;
    }

    public Violation violation() {
        return violation;
    }
}
