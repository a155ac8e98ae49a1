package dev.parley.chat.settings;

import dev.parley.chat.domain.model.MessageRateLimit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How fast each sender may send frames ({@link MessageRateLimit}; a sender is a user, all of their connections
 * together, or an anonymous connection): the functions read it from their environment, chat-local from
 * {@code --send-rate} and {@code --send-burst}. The ranges are the limit's own.
 */
public final class SendRateSettings {

    /** The domain's default: every transport starts from the same limit. */
    public static final MessageRateLimit DEFAULT = MessageRateLimit.DEFAULT;

    /** Plain decimals: no exponents, signs, NaN or infinities, and no more digits than a rate needs. */
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,9}(\\.\\d{1,9})?");
    private static final int DECIMAL_PLACES = 9;

    public static final Setting<Double> PER_SECOND = new Setting<>(
            "SEND_RATE_PER_SECOND",
            Optional.empty(),
            Optional.of(new Setting.Flag("--send-rate", "PER_SECOND")),
            "frames a second each user (or anonymous connection) may send on average, answered with RATE_LIMITED beyond it",
            DEFAULT.perSecond(),
            "a number from " + decimal(MessageRateLimit.MIN_PER_SECOND) + " to " + decimal(MessageRateLimit.MAX_PER_SECOND)
                    + ", such as 10 or 0.5",
            SendRateSettings::rate,
            SendRateSettings::decimal);

    public static final Setting<Integer> BURST = new Setting<>(
            "SEND_BURST",
            Optional.empty(),
            Optional.of(new Setting.Flag("--send-burst", "N")),
            "frames each user (or anonymous connection) may send at once",
            DEFAULT.burst(),
            "a whole number from 1 to " + MessageRateLimit.MAX_BURST,
            text -> MessageRateLimit.requireValidBurst(Integer.parseInt(text)),
            String::valueOf);

    private SendRateSettings() {}

    public static MessageRateLimit fromEnvironment(Map<String, String> environment) {
        return new MessageRateLimit(PER_SECOND.fromEnvironment(environment), BURST.fromEnvironment(environment));
    }

    private static double rate(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("not a plain decimal number: " + text);
        }
        return MessageRateLimit.requireValidRate(Double.parseDouble(text));
    }

    /** {@code 10}, {@code 0.5}: at most the places {@link #DECIMAL} reads, so the text reads back as the same rate. */
    private static String decimal(double rate) {
        return BigDecimal.valueOf(rate).setScale(DECIMAL_PLACES, RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
    }
}
