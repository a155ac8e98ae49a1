package dev.parley.chat.architecture.violations.adapterreadsconfiguration.wiring;

public record ChatConfiguration(String tableName) {}
