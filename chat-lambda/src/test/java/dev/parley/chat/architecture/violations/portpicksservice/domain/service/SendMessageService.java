package dev.parley.chat.architecture.violations.portpicksservice.domain.service;

import dev.parley.chat.architecture.violations.portpicksservice.domain.port.in.ServicePickingSendMessageUseCase;

public final class SendMessageService implements ServicePickingSendMessageUseCase {

    @Override
    public void send(String text) {
        // only its place in the rings matters
    }
}
