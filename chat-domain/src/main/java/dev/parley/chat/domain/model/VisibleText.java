package dev.parley.chat.domain.model;

/** Whether a text shows anything: white space, non-breaking and zero-width spaces alone show nothing. */
final class VisibleText {

    private VisibleText() {}

    static boolean hasVisibleCharacter(String text) {
        return text.codePoints().anyMatch(VisibleText::isVisible);
    }

    private static boolean isVisible(int codePoint) {
        return !Character.isWhitespace(codePoint)
                && !Character.isSpaceChar(codePoint)
                && !Character.isISOControl(codePoint)
                && Character.getType(codePoint) != Character.FORMAT;
    }
}
