package dev.parley.bench.coldstart;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Every AWS call any SDK client of this test JVM makes while recording, as "service operation table" (the table only
 * where the request names one): registered for every client through the SDK's global interceptor list on the test
 * classpath ({@code software/amazon/awssdk/global/handlers/execution.interceptors}), so the clients Parley's own
 * component builds are recorded without a hook into its wiring.
 */
public final class RecordedCalls implements ExecutionInterceptor {

    /** A call as recorded. */
    record Call(String service, String operation, String table) {}

    private static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    private static volatile boolean recording;

    /** Forgets what was recorded and records from now on. */
    static void start() {
        CALLS.clear();
        recording = true;
    }

    /** Stops recording; the calls made since {@link #start}. */
    static List<Call> stop() {
        recording = false;
        return List.copyOf(CALLS);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (recording) {
            CALLS.add(new Call(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                    attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                    context.request().getValueForField("TableName", String.class).orElse("")));
        }
    }
}
