package io.widrow.hostile;

import java.nio.charset.StandardCharsets;

/** Shared by the fuzzers: how a failing input is shown, short and with its line breaks visible. */
public final class ParserFuzz {
    private ParserFuzz() {
    }

    public static String preview(byte[] input) {
        String s = new String(input, 0, Math.min(input.length, 300), StandardCharsets.ISO_8859_1);
        return "\"" + s.replace("\n", "\\n").replace("\r", "\\r") + "\"" + (input.length > 300 ? "… (" + input.length + " bytes)" : "");
    }
}
