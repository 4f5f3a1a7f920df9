package dev.mobjectsync.record;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8: bytes that are not UTF-8 are reported, never silently replaced. */
public final class Utf8 {

    private Utf8() {
    }

    public static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Decodes, dropping a leading byte order mark. */
    public static String decode(byte[] bytes) throws CharacterCodingException {
        String text = strictDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    public static Reader strictReader(InputStream in) {
        return new InputStreamReader(in, strictDecoder());
    }
}
