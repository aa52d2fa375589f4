package io.widrow.engine.io;

import java.util.Map;

/**
 * Writes the value trees {@link Json} reads. Floats use {@link Float#toString}, the shortest text that
 * reads back to the same float; non-finite numbers become null, as JSON has no NaN.
 */
final class JsonWriter {
    private JsonWriter() {
    }


    /** Appends {@code v} (Map, Iterable, String, Number, Boolean, float[], double[], int[] or null). */
    static void write(StringBuilder out, Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String str) {
            quote(out, str);
        } else if (v instanceof Float f) {
            out.append(finite(f) ? Float.toString(f) : "null");
        } else if (v instanceof Double d) {
            out.append(Double.isFinite(d) ? Double.toString(d) : "null");
        } else if (v instanceof Number || v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof float[] fa) {
            out.append('[');
            for (int i = 0; i < fa.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(finite(fa[i]) ? Float.toString(fa[i]) : "null");
            }
            out.append(']');
        } else if (v instanceof double[] da) {
            out.append('[');
            for (int i = 0; i < da.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(Double.isFinite(da[i]) ? Double.toString(da[i]) : "null");
            }
            out.append(']');
        } else if (v instanceof int[] ia) {
            out.append('[');
            for (int i = 0; i < ia.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(ia[i]);
            }
            out.append(']');
        } else if (v instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(out, String.valueOf(e.getKey()));
                out.append(':');
                write(out, e.getValue());
            }
            out.append('}');
        } else if (v instanceof Iterable<?> it) {
            out.append('[');
            boolean first = true;
            for (Object o : it) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(out, o);
            }
            out.append(']');
        } else if (v instanceof Object[] arr) {
            write(out, java.util.Arrays.asList(arr));
        } else {
            throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
        }
    }

    private static boolean finite(float f) {
        return !Float.isNaN(f) && !Float.isInfinite(f);
    }

    private static void quote(StringBuilder out, String str) {
        out.append('"');
        for (int i = 0; i < str.length(); i++) {
            char c = str.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
