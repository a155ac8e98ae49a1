package dev.parley.chat.architecture.violations.handlerlooksupcomponent.wiring;

public final class ChatComponent {}
