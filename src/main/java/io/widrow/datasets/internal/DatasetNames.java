package io.widrow.datasets.internal;

import java.util.List;
import java.util.Locale;

import io.widrow.system.ApiException;

/**
 * Dataset names and the column names and class labels inside a dataset end up in VARCHAR(200) columns and in
 * responses: they are checked here so an overlong or binary name is a 400 naming it instead of a database error.
 * Names are never used as paths, but a client may use one as a file name, so separators are refused too.
 */
final class DatasetNames {
    static final int MAX_LENGTH = 200;

    private DatasetNames() {
    }

    /** Adds a problem for field {@code name} unless it is null or acceptable. */
    static void check(String name, List<ApiException.FieldProblem> errors) {
        if (name == null) {
            return;
        }
        if (name.length() > MAX_LENGTH) {
            errors.add(new ApiException.FieldProblem("name", "size must be between 0 and " + MAX_LENGTH + ", got " + name.length()));
        } else if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            errors.add(new ApiException.FieldProblem("name", "must not contain / or \\ (a name is not a path), got '" + name + "'"));
        } else if (hasControl(name)) {
            errors.add(new ApiException.FieldProblem("name", "must not contain control characters"));
        }
    }

    /** The last path segment of an uploaded file name without its data extensions: "../../x.csv.gz" is "x". */
    static String fromFilename(String filename) {
        if (filename == null || filename.isBlank()) {
            return "dataset";
        }
        String base = filename.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "");
        for (String ext : new String[] {".gz", ".csv", ".json", ".idx3-ubyte", ".idx1-ubyte", ".ubyte"}) {
            if (base.toLowerCase(Locale.ROOT).endsWith(ext)) {
                base = base.substring(0, base.length() - ext.length());
            }
        }
        base = base.isBlank() || base.equals("..") || base.equals(".") ? "dataset" : base;
        return base.length() > MAX_LENGTH ? base.substring(0, MAX_LENGTH) : base;
    }

    /** Null when {@code text} (a column name or class label) may be stored, otherwise what is wrong with it. */
    static String problem(String text) {
        if (text.length() > MAX_LENGTH) {
            return "is " + text.length() + " characters long, at most " + MAX_LENGTH + " are allowed";
        }
        if (hasControl(text)) {
            return "contains control characters";
        }
        return null;
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                return true;
            }
        }
        return false;
    }
}
