package dev.parley.chat.architecture.violations.handlerusesoutputport.domain.port.out;

public interface ConnectionRegistry {

    void remove(String connectionId);
}
