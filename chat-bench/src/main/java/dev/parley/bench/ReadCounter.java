package dev.parley.bench;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Counts what a DynamoDB client reads: read calls (Query and Scan pages, GetItems), the items DynamoDB examined for
 * them, and the read capacity it charged, which it is asked to return with every read.
 */
public final class ReadCounter implements ExecutionInterceptor {

    private final LongAdder queries = new LongAdder();
    private final LongAdder scans = new LongAdder();
    private final LongAdder getItems = new LongAdder();
    private final LongAdder itemsExamined = new LongAdder();
    private final LongAdder itemsReturned = new LongAdder();
    private final DoubleAdder capacityUnits = new DoubleAdder();

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (request instanceof QueryRequest query) {
            return query.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof ScanRequest scan) {
            return scan.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof GetItemRequest get) {
            return get.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkResponse response = context.response();
        if (response instanceof QueryResponse query) {
            count(queries, query.scannedCount(), query.count(), query.consumedCapacity());
        } else if (response instanceof ScanResponse scan) {
            count(scans, scan.scannedCount(), scan.count(), scan.consumedCapacity());
        } else if (response instanceof GetItemResponse get) {
            count(getItems, 1, get.hasItem() ? 1 : 0, get.consumedCapacity());
        }
    }

    private void count(LongAdder calls, Integer examined, Integer returned, ConsumedCapacity capacity) {
        calls.increment();
        itemsExamined.add(examined == null ? 0 : examined);
        itemsReturned.add(returned == null ? 0 : returned);
        if (capacity != null && capacity.capacityUnits() != null) {
            capacityUnits.add(capacity.capacityUnits());
        }
    }

    /** What was read since the last call, and starts counting afresh. */
    public Reads takeReads() {
        return new Reads(queries.sumThenReset(), scans.sumThenReset(), getItems.sumThenReset(),
                itemsExamined.sumThenReset(), itemsReturned.sumThenReset(), capacityUnits.sumThenReset());
    }

    /**
     * @param queries        Query calls (one per page)
     * @param scans          Scan calls (one per page)
     * @param getItems       GetItem calls
     * @param itemsExamined  items DynamoDB looked at (ScannedCount; one per GetItem)
     * @param itemsReturned  items it returned
     * @param capacityUnits  read capacity units charged, as DynamoDB reported them
     */
    public record Reads(long queries, long scans, long getItems, long itemsExamined, long itemsReturned,
            double capacityUnits) {

        /** Every read call. */
        public long calls() {
            return queries + scans + getItems;
        }

        /** The items Query and Scan pages examined: a GetItem examines its one item. */
        public long itemsExaminedByPages() {
            return itemsExamined - getItems;
        }
    }
}
