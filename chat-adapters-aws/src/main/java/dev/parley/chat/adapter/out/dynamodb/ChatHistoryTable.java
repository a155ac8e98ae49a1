package dev.parley.chat.adapter.out.dynamodb;

import static dev.parley.chat.adapter.out.dynamodb.ChatDetailsTable.key;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The {@code chatHistory} table in one place, for the history adapter, the local gateway's table creation and the
 * deployment (ADR 0010). Partition key {@link #STREAM}, sort key {@link #SEQ}; three kinds of partition, by prefix:
 * <ul>
 *   <li>{@code h#<room>}, the room's head at seq 0: {@link #EPOCH}, {@link #LATEST} (the latest seq allocated),
 *       {@link #ALLOCATED_AT};</li>
 *   <li>{@code m#<room>#<epoch>}, the room's history in one epoch, an item per seq: a message ({@link #MESSAGE_ID},
 *       {@link #CONNECTION_ID}, {@link #DISPLAY_NAME}, {@link #USER_ID}, {@link #MESSAGE}, {@link #SENT_AT}) or a void
 *       mark ({@link #VOID_AT}), each with {@link #EXPIRES_AT};</li>
 *   <li>{@code r#<resend key>}, a send's receipt at seq 0: {@link #MESSAGE_ID}, {@link #FIRST_SENT_AT},
 *       {@link #EXPIRES_AT}, and once stored {@link #EPOCH} and {@link #POSITION};</li>
 *   <li>{@code b#<broadcast id>}, a queued broadcast's record at seq 0: its message ({@link #MESSAGE},
 *       {@link #SENT_AT}, {@link #ROOM}, {@link #USER_ID} of the sender), once planned {@link #RECIPIENTS} and
 *       {@link #PAGES}, the counters {@link #DELIVERED}, {@link #GONE}, {@link #FAILED}, {@link #PAGES_COUNTED} with
 *       the {@link #COUNTED_PAGES} that made them, {@link #PAGES_QUEUED}, {@link #FINISHED_AT} and
 *       {@link #EXPIRES_AT}; and its planned pages at seq 1 up (page 0 at seq 1): {@link #PAGE_RECIPIENTS},
 *       {@link #EXPIRES_AT}.</li>
 * </ul>
 * Room names, epochs and resend keys cannot hold the separator {@code #} where it would make two of them one.
 */
public final class ChatHistoryTable {

    public static final String DEFAULT_NAME = "chatHistory";

    /** Partition key (S): whose items these are, by prefix. */
    public static final String STREAM = "Stream";
    /** Sort key (N): the seq; 0 for a head and a receipt. */
    public static final String SEQ = "Seq";

    public static final String HEAD_PREFIX = "h#";
    public static final String MESSAGES_PREFIX = "m#";
    public static final String RECEIPT_PREFIX = "r#";
    public static final String BROADCAST_PREFIX = "b#";

    /** (S) On a head: the epoch; on a receipt: the epoch of its message's place. */
    public static final String EPOCH = "Epoch";
    /** (N) On a head: the latest seq allocated, 0 before the first. */
    public static final String LATEST = "Latest";
    /** (S) On a head: when its latest seq was allocated, ISO-8601 UTC; absent before the first. */
    public static final String ALLOCATED_AT = "AllocatedAt";
    /** (S) On a message and a receipt: the message's id. */
    public static final String MESSAGE_ID = "MessageId";
    /** (S) On a message: the sender's connection. */
    public static final String CONNECTION_ID = "ConnectionId";
    /** (S) On a message: the sender's name. */
    public static final String DISPLAY_NAME = "DisplayName";
    /** (S) On a message: the sender's user, absent for an anonymous connection. */
    public static final String USER_ID = "UserId";
    /** (S) On a message: its text. */
    public static final String MESSAGE = "Message";
    /** (S) On a message: when it was sent, ISO-8601 UTC. */
    public static final String SENT_AT = "SentAt";
    /** (S) On a void mark: when it was marked, ISO-8601 UTC. */
    public static final String VOID_AT = "VoidAt";
    /** (S) On a receipt: when its message was first sent, ISO-8601 UTC. */
    public static final String FIRST_SENT_AT = "FirstSentAt";
    /** (N) On a receipt: the seq its message was stored at. */
    public static final String POSITION = "Position";
    /** (S) On a broadcast: the room it is for; absent for every connection. */
    public static final String ROOM = "Room";
    /** (N) On a broadcast: its recipients, read by the worker that planned it; absent before. */
    public static final String RECIPIENTS = "Recipients";
    /** (N) On a broadcast: how many pages its recipients were cut into; absent before it was planned. */
    public static final String PAGES = "Pages";
    /** (L of S) On a broadcast's planned page: its recipients' connection ids, in order. */
    public static final String PAGE_RECIPIENTS = "PageRecipients";
    /** (N) On a broadcast: recipients delivered to, gone, failed, summed over its counted pages. */
    public static final String DELIVERED = "Delivered";
    public static final String GONE = "Gone";
    public static final String FAILED = "Failed";
    /** (N) On a broadcast: how many of its pages were counted. */
    public static final String PAGES_COUNTED = "PagesCounted";
    /** (NS) On a broadcast: the numbers of its counted pages, so that a page is counted once. */
    public static final String COUNTED_PAGES = "CountedPages";
    /** (BOOL) On a broadcast: every page of its plan was queued. */
    public static final String PAGES_QUEUED = "PagesQueued";
    /** (S) On a broadcast: when its last page was counted, ISO-8601 UTC. */
    public static final String FINISHED_AT = "FinishedAt";
    /**
     * (N) On a message, a void mark, a receipt and a broadcast: epoch seconds after which DynamoDB's time to live deletes it. The
     * domain ignores expired messages before that (dynalite never deletes them). The deployment enables it.
     */
    public static final String EXPIRES_AT = "ExpiresAt";

    private ChatHistoryTable() {
    }

    /** The table, billed per request, without indexes: every read is by partition. Time to live is the deployment's. */
    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(requireValidName(tableName))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(ChatDetailsTable.stringAttribute(STREAM),
                        AttributeDefinition.builder().attributeName(SEQ).attributeType(ScalarAttributeType.N).build())
                .keySchema(key(STREAM, KeyType.HASH), key(SEQ, KeyType.RANGE))
                .build();
    }

    /** The name when DynamoDB accepts it: {@value ChatDetailsTable#NAME_RULE}. */
    public static String requireValidName(String tableName) {
        return ChatDetailsTable.requireValidName(tableName);
    }
}
