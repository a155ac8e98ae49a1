package dev.parley.chat.domain.model;

/** Where a queued broadcast is in its life; it only ever moves forward, in this order. */
public enum BroadcastState { QUEUED, RUNNING, DONE }
