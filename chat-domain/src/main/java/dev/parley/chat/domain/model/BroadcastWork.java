package dev.parley.chat.domain.model;

/** A message on the broadcast work queue: plan a broadcast's audience into pages, or send one page. */
public sealed interface BroadcastWork permits BroadcastPlanning, BroadcastPage {

    /** The broadcast this work is for. */
    MessageId broadcast();
}
