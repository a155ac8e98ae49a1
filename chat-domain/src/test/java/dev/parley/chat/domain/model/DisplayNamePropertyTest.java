package dev.parley.chat.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class DisplayNamePropertyTest {

    private static final String KEPT = "requested name kept";
    private static final String GUEST = "guest name";

    @Property(tries = 2000)
    void givenAnyRequestedName_requestedOrDefault_yieldsOneTo32CodePointsWithoutSurroundingWhitespace(
            @ForAll("requestedNames") String requested, @ForAll("connectionIds") ConnectionId id) {
        String name = DisplayName.requestedOrDefault(Optional.of(requested), id).value();

        int[] codePoints = name.codePoints().toArray();
        assertThat(codePoints).hasSizeBetween(1, DisplayName.MAX_LENGTH);
        assertThat(Character.isWhitespace(codePoints[0])).as("leading whitespace in %s", name).isFalse();
        assertThat(Character.isWhitespace(codePoints[codePoints.length - 1])).as("trailing whitespace in %s", name).isFalse();
        assertThat(name.codePoints().noneMatch(Character::isISOControl)).as("control character in %s", name).isTrue();
    }

    @Property(tries = 2000)
    void givenAnyRequestedName_requestedOrDefault_keepsTheTrimmedNameOrFallsBackToTheGuestName(
            @ForAll("requestedNames") String requested, @ForAll("connectionIds") ConnectionId id) {
        String trimmed = requested.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        boolean acceptable = length >= 1 && length <= DisplayName.MAX_LENGTH
                && trimmed.codePoints().noneMatch(Character::isISOControl)
                && trimmed.codePoints().noneMatch(DisplayNamePropertyTest::hidesOrReorders)
                && !trimmed.codePoints().allMatch(MessageTextPropertyTest::showsNothing);
        String guest = "guest-" + id.value().substring(0, Math.min(4, id.value().length()));

        String name = DisplayName.requestedOrDefault(Optional.of(requested), id).value();

        assertThat(name).isEqualTo(acceptable ? trimmed : guest);
        Statistics.collect(acceptable ? KEPT : GUEST);
        // Both branches must come up often, or the property proves little.
        Statistics.coverage(coverage -> {
            coverage.check(KEPT).percentage(p -> p > 20);
            coverage.check(GUEST).percentage(p -> p > 20);
        });
    }

    @Property(tries = 2000)
    void givenAnyName_construct_acceptsOnlyNamesWithoutCharactersThatHideOrReorderText(
            @ForAll("requestedNames") String name) {
        boolean hides = name.codePoints().anyMatch(DisplayNamePropertyTest::hidesOrReorders);

        assertThat(DisplayName.hidesOrReordersText(name)).isEqualTo(hides);
        if (hides) {
            assertThatIllegalArgumentException().isThrownBy(() -> new DisplayName(name));
        }
    }

    /** Zero-width and bidirectional formatting characters, as Unicode lists them. */
    private static boolean hidesOrReorders(int codePoint) {
        return "\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\uFEFF"
                .indexOf(codePoint) >= 0;
    }

    @Provide
    Arbitrary<String> requestedNames() {
        // Tokens keep surrogate pairs whole, so lengths around the limit of 32 code points come up often.
        Arbitrary<String> tokens = Arbitraries.of("a", "Z", "7", " ", "\t", "\n", "\u0000", "\u0007", "\u001B",
                "\u007F", "\u0085", "\u00A0", "\u2003", "\u3000", "\u200B", "\u00e9", "\u674e", "\uD83D\uDE00", "\u200D",
                "\u202E", "\u2066", "\uFEFF", "\u2028");
        Arbitrary<String> nearTheLimit = tokens.list().ofMaxSize(40).map(parts -> String.join("", parts));
        return Arbitraries.oneOf(nearTheLimit, Arbitraries.strings().all().ofMaxLength(40), Arbitraries.strings());
    }

    @Provide
    Arbitrary<ConnectionId> connectionIds() {
        return Arbitraries.strings()
                .withCharRange('A', 'Z').withCharRange('a', 'z').withCharRange('0', '9').withChars("_=+/-")
                .ofMinLength(1).ofMaxLength(128)
                .map(ConnectionId::new);
    }
}
