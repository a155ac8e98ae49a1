package dev.parley.deploy;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.List;
import software.constructs.IConstruct;

/**
 * cdk-nag suppressions, written next to the resource they concern, each with the reason the rule does not fit it.
 * A suppression covers the construct and its children.
 */
final class Nag {

    private Nag() {}

    /**
     * Suppresses {@code rule} on {@code construct}: only the findings {@code appliesTo} names (each a finding's text,
     * or a pattern from {@link #matching}), or all of the rule's findings there when none are named.
     */
    static void suppress(IConstruct construct, String rule, String reason, Object... appliesTo) {
        NagPackSuppression.Builder suppression = NagPackSuppression.builder().id(rule).reason(reason);
        if (appliesTo.length > 0) {
            suppression.appliesTo(List.of(appliesTo));
        }
        NagSuppressions.addResourceSuppressions(construct, List.of(suppression.build()), true);
    }

    /** The findings matching {@code regex}, a JavaScript regular expression, for {@link #suppress}. */
    static RegexAppliesTo matching(String regex) {
        return RegexAppliesTo.builder().regex("/" + regex + "/").build();
    }
}
