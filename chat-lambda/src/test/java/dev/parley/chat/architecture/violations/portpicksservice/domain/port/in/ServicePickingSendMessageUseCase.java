package dev.parley.chat.architecture.violations.portpicksservice.domain.port.in;

import dev.parley.chat.architecture.violations.portpicksservice.domain.service.SendMessageService;

public interface ServicePickingSendMessageUseCase {

    void send(String text);

    /** Breaks "ports never depend on services": the port picks its own implementation. */
    static ServicePickingSendMessageUseCase standard() {
        return new SendMessageService();
    }
}
