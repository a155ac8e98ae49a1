package dev.parley.chat.adapter.in.lambda;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.statistics.Statistics;

/**
 * What the handlers' property tests share: frames of any text at all, JSON strings carrying any text (pasted in raw,
 * written by a JSON writer, or as JSON unicode escapes of every code unit, lone surrogates included), the
 * shapes hostile clients send; and the check that both kinds of answer were seen often enough to prove something.
 */
final class FrameProperties {

    private FrameProperties() {}

    static Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(200);
    }

    /** A JSON string literal, quotes included, or something that only looks like one. */
    static Arbitrary<String> anyJsonString() {
        return Arbitraries.oneOf(
                anyText().map(text -> "\"" + text + "\""),
                anyText().map(FrameProperties::written),
                anyText().map(FrameProperties::escaped));
    }

    static Arbitrary<String> hostileFrames() {
        return Arbitraries.of(
                "",
                " ",
                "null",
                "[]",
                "\"sendMessage\"",
                "{\"action\":\"sendMessage\",\"Message\":\"hi\"} trailing",
                "{\"action\":\"sendMessage\",\"Message\":\"hi\"}{\"action\":\"ping\"}",
                "{\"action\":\"sendMessage\",\"Message\":\"a\",\"Message\":\"b\"}",
                "{\"action\":\"ping\",\"action\":\"ping\"}",
                "{\"action\":\"$disconnect\"}",
                "{\"action\":\"$connect\"}",
                "{\"action\":\"sendMessage\",\"Message\":\"hi\",\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}",
                "{\"action\":\"ping\",\"x\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}",
                "[".repeat(100_000),
                "{\"action\":\"sendMessage\",\"Message\":\"\\u0000\\u0007\\u001b\"}",
                "{\"action\":\"sendMessage\",\"Message\":\"\\uD800\"}",
                "{\"action\":\"sendMessage\",\"Message\":\"x\",\"to\":{\"id\":\"Bq3xYcOFvHcCEJA=\"}}",
                "{\"action\":\"sendMessage\",\"Message\":\"" + "x".repeat(40_000) + "\"}",
                "{\"action\":\"sendMessage\",\"Message\":" + "9".repeat(5_000) + "}");
    }

    /** Counts the answer's {@code type}; the property fails unless {@code accepted} and errors are each over 5 %. */
    static void collectAnswerType(Object type, String accepted) {
        Statistics.collect(type);
        Statistics.coverage(coverage -> {
            coverage.check(accepted).percentage(share -> share > 5);
            coverage.check("error").percentage(share -> share > 5);
        });
    }

    private static String written(String text) {
        try {
            return JSON.std.asString(text);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private static String escaped(String text) {
        return text.chars().mapToObj(unit -> String.format("\\u%04x", unit)).collect(Collectors.joining("", "\"", "\""));
    }
}
