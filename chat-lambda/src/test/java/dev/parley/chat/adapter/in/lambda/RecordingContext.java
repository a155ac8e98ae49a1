package dev.parley.chat.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Lambda context that keeps what the handler logged. */
final class RecordingContext implements Context {

    final List<String> logged = new CopyOnWriteArrayList<>();

    private final LambdaLogger logger = new LambdaLogger() {
        @Override
        public void log(String message) {
            logged.add(message);
        }

        @Override
        public void log(byte[] message) {
            logged.add(new String(message, StandardCharsets.UTF_8));
        }
    };

    @Override
    public String getAwsRequestId() {
        return "7c1d6f2e-0a4b-4c3d-9e8f-1a2b3c4d5e6f";
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/parley-test";
    }

    @Override
    public String getLogStreamName() {
        return "2026/11/25/[$LATEST]0123456789abcdef";
    }

    @Override
    public String getFunctionName() {
        return "parley-test";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:parley-test";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return 10_000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
