package dev.parley.chat.architecture.violations.handlercallsadapter.adapter.out.dynamodb;

public final class DynamoDbConnectionRegistry {

    public void register(String connectionId) {
        // only its place in the rings matters
    }
}
