package dev.parley.chat.settings;

/** A setting's value is not one it accepts; the message names the setting as it was given, and its range. */
public final class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidSettingException(String message, Throwable cause) {
        super(message, cause);
    }
}
