package dev.parley.chat.domain.model.violation;

import org.junit.jupiter.api.Assertions;

/** Breaks "the domain depends only on the JDK" on purpose: a fixture for HexagonRulesFireTest alone. */
public final class ModelUsingALibrary {

    public void requireTrue(boolean condition) {
        Assertions.assertTrue(condition);
    }
}
