package dev.parley.chat.domain.port.in;

/**
 * The operators broadcast to an audience of any size: up to the inline limit it is sent during the call, as
 * {@link BroadcastUseCase} does; beyond it, or when the caller asks, it is recorded and queued in pages.
 */
public interface StartBroadcastUseCase {

    /**
     * @throws BroadcastNotQueuedException when some pages could not be queued: the broadcast's record counts their
     *         recipients as failed, so its progress still ends
     */
    BroadcastStart start(StartBroadcastCommand command);
}
