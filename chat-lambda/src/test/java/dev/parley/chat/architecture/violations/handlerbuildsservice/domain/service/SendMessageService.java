package dev.parley.chat.architecture.violations.handlerbuildsservice.domain.service;

public final class SendMessageService {

    public void send(String text) {
        // only its place in the rings matters
    }
}
