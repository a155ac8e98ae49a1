package dev.parley.chat.domain.port.in;

/**
 * A client opens a WebSocket connection: it is registered and joins the lobby, whose members hear of it when it begins
 * a presence there. A requested name that is merely unacceptable (blank, too long, control characters) becomes a guest
 * name; one that hides or reorders text is refused.
 */
public interface ConnectUseCase {

    ConnectResult connect(ConnectCommand command);
}
