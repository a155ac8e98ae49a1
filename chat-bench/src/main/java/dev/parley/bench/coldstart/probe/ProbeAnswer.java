package dev.parley.bench.coldstart.probe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.util.Arrays;

/** A handler's answer as the probe prints it: an HTTP-like status and a body (the SQS worker's: 200 when none failed). */
record ProbeAnswer(int status, String body) {

    /** An authorizer's policy answers 200 with its principal and effect, as API Gateway would then let the call on. */
    static ProbeAnswer of(Object response) {
        if (response instanceof APIGatewayV2WebSocketResponse webSocket) {
            return new ProbeAnswer(webSocket.getStatusCode(), webSocket.getBody());
        }
        if (response instanceof APIGatewayProxyResponseEvent http) {
            return new ProbeAnswer(http.getStatusCode(), http.getBody());
        }
        if (response instanceof IamPolicyResponseV1 policy) {
            // The statements come as an array of maps: {Action=..., Effect=Allow, Resource=[...]}
            return new ProbeAnswer(200, "principalId=" + policy.getPrincipalId() + " statements="
                    + Arrays.deepToString((Object[]) policy.getPolicyDocument().get("Statement")));
        }
        if (response instanceof SQSBatchResponse batch) {
            // A batch with failed messages would see them again: that counts as a failed invocation.
            return new ProbeAnswer(batch.getBatchItemFailures().isEmpty() ? 200 : 500,
                    "failures=" + batch.getBatchItemFailures().size());
        }
        throw new IllegalStateException("the probe cannot read an answer of " + response.getClass());
    }
}
