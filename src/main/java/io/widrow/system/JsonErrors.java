package io.widrow.system;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Where and why a JSON body could not be read, for problem details. A reader limit (nesting depth, number length) is
 * reported as such, since "not valid JSON" would be wrong for a well-formed document that is merely too deep; its
 * exception may carry no location, so the parser's current one is used.
 */
public final class JsonErrors {
    private JsonErrors() {
    }

    /** E.g. " (line 1, column 502): Document nesting depth (501) exceeds the maximum allowed (500)". */
    public static String describe(JacksonException e, TokenStreamLocation parserLocation) {
        TokenStreamLocation at = e.getLocation() != null ? e.getLocation() : parserLocation;
        String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        if (e instanceof StreamConstraintsException) {
            // Jackson names its own configuration method in the message; the client needs only the numbers.
            return where + ": " + e.getOriginalMessage().replaceAll(", from `[^`]*`", "");
        }
        return where;
    }

    public static boolean isReaderLimit(JacksonException e) {
        return e instanceof StreamConstraintsException;
    }
}
