package dev.parley.chat.architecture.violations.handlerbuildsservice.adapter.in.lambda;

import dev.parley.chat.architecture.violations.handlerbuildsservice.domain.service.SendMessageService;

/** Breaks "inbound adapters never depend on services" and "only the wiring depends on services". */
public final class ServiceBuildingSendMessageHandler {

    private final SendMessageService service = new SendMessageService();

    public void handle(String text) {
        service.send(text);
    }
}
