package dev.parley.chat.domain.port.in;

/**
 * Every frame a client sends costs its sender a token of the send allowance, before it is read and whether or not it
 * is answered: a message, a ping, a join, a frame that is not JSON, an unknown action.
 */
public interface ChargeFrameUseCase {

    FrameCharge charge(ChargeFrameCommand command);
}
