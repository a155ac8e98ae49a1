package dev.parley.chat.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.parley.chat.domain.model.InvalidMessageTextException.Violation;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class MessageTextPropertyTest {

    private static final int LIMIT = 32_768;
    private static final String OUTCOME = "outcome";
    private static final String ACCEPTED = "accepted";
    private static final String SIZE = "UTF-8 size";
    private static final String EXACTLY_THE_LIMIT = "exactly the limit";
    private static final String ONE_BYTE_OVER = "one byte over";

    @Property(tries = 1000)
    void givenAnyString_construct_acceptsOnlyNonBlankTextOfAtMost32768Utf8Bytes(@ForAll("texts") String candidate) {
        Optional<Violation> broken = expectedViolation(candidate);
        Statistics.label(OUTCOME).collect(broken.map(Violation::name).orElse(ACCEPTED));
        Statistics.label(SIZE).collect(sizeClass(candidate));

        if (broken.isEmpty()) {
            assertThat(new MessageText(candidate).value()).isEqualTo(candidate);
        } else {
            assertThatExceptionOfType(InvalidMessageTextException.class)
                    .isThrownBy(() -> new MessageText(candidate))
                    .extracting(InvalidMessageTextException::violation)
                    .isEqualTo(broken.get());
        }

        // The generators must reach every outcome and both sides of the boundary, or the property proves little.
        Statistics.label(OUTCOME).coverage(coverage -> {
            coverage.check(ACCEPTED).percentage(p -> p > 10);
            coverage.check(Violation.BLANK.name()).percentage(p -> p > 10);
            coverage.check(Violation.TOO_LARGE.name()).percentage(p -> p > 5);
        });
        Statistics.label(SIZE).coverage(coverage -> {
            coverage.check(EXACTLY_THE_LIMIT).count(n -> n > 0);
            coverage.check(ONE_BYTE_OVER).count(n -> n > 0);
        });
    }

    private static String sizeClass(String candidate) {
        int bytes = utf8Length(candidate);
        if (bytes == LIMIT) {
            return EXACTLY_THE_LIMIT;
        }
        return bytes == LIMIT + 1 ? ONE_BYTE_OVER : "other";
    }

    /** The rules, restated independently of {@link MessageText}: a blank text is blank whatever its size. */
    private static Optional<Violation> expectedViolation(String candidate) {
        if (candidate.codePoints().allMatch(MessageTextPropertyTest::showsNothing)) {
            return Optional.of(Violation.BLANK);
        }
        return utf8Length(candidate) > LIMIT ? Optional.of(Violation.TOO_LARGE) : Optional.empty();
    }

    /** White space, space separators (such as U+00A0), controls and format characters (such as U+200B) show nothing. */
    static boolean showsNothing(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT;
    }

    /** UTF-8 length by code point; a lone surrogate takes 1 byte, the '?' Java's encoder puts in its place. */
    private static int utf8Length(String text) {
        return text.codePoints().map(codePoint -> {
            boolean loneSurrogate = codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
            if (codePoint < 0x80 || loneSurrogate) {
                return 1;
            }
            if (codePoint < 0x800) {
                return 2;
            }
            return codePoint < 0x10000 ? 3 : 4;
        }).sum();
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> whitespace = Arbitraries.strings().withChars(" \t\n\r\u000B\f\u1680\u2003\u2028\u3000")
                .ofMaxLength(64);
        return Arbitraries.oneOf(Arbitraries.strings().all(), whitespace, nearTheLimit());
    }

    /** Any short head, then filler of one width padded with ASCII to land within a few bytes of the limit. */
    private static Arbitrary<String> nearTheLimit() {
        return Combinators.combine(
                        Arbitraries.strings().all().ofMaxLength(16),
                        Arbitraries.of("a", " ", "\u00e9", "\u20ac", "\uD83D\uDE00"),
                        Arbitraries.integers().between(-4, 4))
                .as((head, filler, offset) -> {
                    int missing = LIMIT + offset - utf8Length(head);
                    int fillerBytes = utf8Length(filler);
                    return head + filler.repeat(missing / fillerBytes) + "x".repeat(missing % fillerBytes);
                });
    }
}
