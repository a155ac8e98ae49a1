package dev.parley.chat.settings.aws;

import dev.parley.chat.adapter.out.apigateway.CallbackRate;
import dev.parley.chat.settings.Setting;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code @connections} rate the publishing functions pace their sends to ({@link CallbackRate}): the account's API
 * Gateway quota in the region, or the share of it left to Parley. The deployment chooses it from the CDK context.
 */
public final class CallbackSettings {

    /** The largest rate or burst accepted: far beyond any quota API Gateway grants, so a typo. */
    public static final int MAX_LIMIT = 1_000_000;

    public static final Setting<Integer> RATE_PER_SECOND = limit(
            "CALLBACK_RATE_PER_SECOND",
            "callbackRatePerSecond",
            "@connections calls a second the publisher paces itself to: the account's API Gateway quota in the"
                    + " region (2,500 in some), or the share of it left to Parley",
            CallbackRate.ACCOUNT_DEFAULT.perSecond());

    public static final Setting<Integer> BURST = limit(
            "CALLBACK_BURST",
            "callbackBurst",
            "@connections calls the publisher sends at once after a quiet spell: the quota's burst (1,250 where the"
                    + " rate is 2,500)",
            CallbackRate.ACCOUNT_DEFAULT.burst());

    private CallbackSettings() {}

    public static CallbackRate fromEnvironment(Map<String, String> environment) {
        return new CallbackRate(RATE_PER_SECOND.fromEnvironment(environment), BURST.fromEnvironment(environment));
    }

    /** From the CDK context; see {@link Setting#fromContext}. */
    public static CallbackRate fromContext(Function<String, Object> context) {
        return new CallbackRate(RATE_PER_SECOND.fromContext(context), BURST.fromContext(context));
    }

    /** The variables {@link #fromEnvironment} reads back as {@code rate}. */
    public static Map<String, String> toEnvironment(CallbackRate rate) {
        return Map.ofEntries(RATE_PER_SECOND.toEnvironment(rate.perSecond()), BURST.toEnvironment(rate.burst()));
    }

    private static Setting<Integer> limit(String variable, String contextKey, String description, int defaultValue) {
        return new Setting<>(variable, Optional.of(contextKey), Optional.empty(), description, defaultValue,
                "a whole number from 1 to " + MAX_LIMIT, CallbackSettings::requireValidLimit, String::valueOf);
    }

    private static int requireValidLimit(String text) {
        int limit = Integer.parseInt(text);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("not from 1 to " + MAX_LIMIT + ": " + limit);
        }
        return limit;
    }
}
