package dev.parley.chat.domain.port.out;

import java.util.Objects;

/**
 * How one send to one connection ended. {@link #outcome()} names the variant so callers can switch over it
 * exhaustively (the Java 17 target has no pattern matching for switch).
 */
public sealed interface DeliveryResult
        permits DeliveryResult.Delivered, DeliveryResult.Gone, DeliveryResult.Throttled, DeliveryResult.Failed {

    enum Outcome { DELIVERED, GONE, THROTTLED, FAILED }

    Outcome outcome();

    static DeliveryResult delivered() {
        return Delivered.INSTANCE;
    }

    static DeliveryResult gone() {
        return Gone.INSTANCE;
    }

    /** The client received it. */
    record Delivered() implements DeliveryResult {
        private static final Delivered INSTANCE = new Delivered();

        @Override
        public Outcome outcome() {
            return Outcome.DELIVERED;
        }
    }

    /** The connection no longer exists: nothing will ever reach it again. */
    record Gone() implements DeliveryResult {
        private static final Gone INSTANCE = new Gone();

        @Override
        public Outcome outcome() {
            return Outcome.GONE;
        }
    }

    /** The transport kept asking to slow down, through every retry. */
    record Throttled(int attempts) implements DeliveryResult {
        public Throttled {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be positive");
            }
        }

        @Override
        public Outcome outcome() {
            return Outcome.THROTTLED;
        }
    }

    /** Refused or broken for another reason, said in words. */
    record Failed(String reason) implements DeliveryResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Outcome outcome() {
            return Outcome.FAILED;
        }
    }
}
