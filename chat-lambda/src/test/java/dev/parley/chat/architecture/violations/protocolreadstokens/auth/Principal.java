package dev.parley.chat.architecture.violations.protocolreadstokens.auth;

public record Principal(String userId) {}
