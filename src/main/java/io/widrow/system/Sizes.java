package io.widrow.system;

import java.util.Locale;

/** Byte counts for problem details: exact, so a client can compare them with its own, plus a readable unit. */
public final class Sizes {
    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

    private Sizes() {
    }

    public static String bytes(long n) {
        if (n < 1024) {
            return n + " bytes";
        }
        double v = n;
        int u = -1;
        while (v >= 1024 && u < UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        String unit = v == Math.rint(v) ? String.format(Locale.ROOT, "%d %s", (long) v, UNITS[u])
                : String.format(Locale.ROOT, "%.1f %s", v, UNITS[u]);
        return unit + " (" + n + " bytes)";
    }
}
