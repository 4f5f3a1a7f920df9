package dev.mobjectsync.record;

/**
 * Which characters a value may hold on its way to Marketo: the SOAP request is XML 1.0, which cannot carry
 * NUL and the other control characters below U+0020 (tab, line feed and carriage return excepted),
 * U+FFFE, U+FFFF or half a surrogate pair. One such value would spoil the whole call.
 */
final class XmlCharacters {

    private XmlCharacters() {
    }

    /** The index of the first character XML 1.0 cannot carry, or -1. */
    static int firstUnsupported(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == '\uFFFE' || c == '\uFFFF') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
