package dev.parley.chat.domain.model;

/** Why a resuming client cannot be given every message it missed. */
public enum GapReason {
    /** It missed more messages than the history window replays. */
    WINDOW,
    /** The first messages it missed are older than the retention, and gone. */
    EXPIRED,
    /** The room's history was reset since: its position belongs to an epoch that no longer is. */
    EPOCH
}
