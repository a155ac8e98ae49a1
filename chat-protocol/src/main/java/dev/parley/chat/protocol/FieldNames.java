package dev.parley.chat.protocol;

/** The field names both directions use: the reader and the writer must spell them alike. */
final class FieldNames {

    /** The client's own name for a frame, read from it and echoed in the answer. */
    static final String CLIENT_ID = "clientId";
    /** The text: of a broadcast request's body, and of the message and broadcast frames clients receive. */
    static final String MESSAGE = "message";
    /** The room: of join, leave, members and sendMessage frames and the broadcast body, and of the frames answering them. */
    static final String ROOM = "room";

    private FieldNames() {}
}
