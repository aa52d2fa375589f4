package io.widrow.datasets.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.widrow.engine.data.Dataset;
import io.widrow.system.ApiException;

/**
 * Accumulates rows into primitive arrays (no boxing, amortised doubling) and produces the engine Dataset.
 * All row-level validation lives here so CSV and JSON report problems identically.
 */
final class TableBuilder {
    static final int MAX_CLASSES = 10_000;

    private final String[] columns;
    private final int labelIndex;
    private final boolean regression;
    private final boolean dropMissing;
    private final long maxCells;
    private final int features;

    private float[] x = new float[1024];
    private int[] labels = new int[256];
    private float[] targets = new float[256];
    private int rows;
    private final float[] rowBuffer;
    private final Map<String, Integer> classIndex = new HashMap<>();
    private final List<String> classNames = new ArrayList<>();

    TableBuilder(String[] columns, int labelIndex, ParseOptions options) {
        if (columns.length < 2) {
            throw ApiException.badRequest("A dataset needs at least one feature column and a label column; found "
                    + columns.length + " column.");
        }
        if (columns.length - 1 > options.maxFeatures()) {
            throw ApiException.tooLarge("The dataset has " + (columns.length - 1) + " feature columns, more than the limit of "
                    + options.maxFeatures() + " (widrow.limits.max-features).");
        }
        for (int c = 0; c < columns.length; c++) {
            String problem = DatasetNames.problem(columns[c]);
            if (problem != null) {
                throw ApiException.badRequest("The name of column " + (c + 1) + " " + problem + ".");
            }
        }
        this.columns = columns;
        this.labelIndex = labelIndex;
        this.regression = options.regression();
        this.dropMissing = options.dropMissing();
        this.maxCells = options.maxCells();
        this.features = columns.length - 1;
        this.rowBuffer = new float[features];
    }

    int rows() {
        return rows;
    }

    /**
     * @param where how to name the row in messages, e.g. "line 5" or "row 3"
     */
    void add(String where, Cells cells) {
        if (cells.size() != columns.length) {
            throw ApiException.badRequest(capitalize(where) + " has " + cells.size() + " cells, expected "
                    + columns.length + " (" + listColumns(columns) + ").");
        }
        int f = 0;
        for (int c = 0; c < columns.length; c++) {
            if (c == labelIndex) {
                continue;
            }
            String raw = cells.get(c);
            float v = parse(raw);
            if (Float.isNaN(v)) {
                if (isMissing(raw)) {
                    if (dropMissing) {
                        return;
                    }
                    throw ApiException.badRequest(capitalize(where) + ", column \"" + columns[c] + "\": missing or non-finite value "
                            + quote(raw) + " (use missing=drop to drop such rows).");
                }
                throw ApiException.badRequest(capitalize(where) + ", column \"" + columns[c] + "\": " + quote(raw)
                        + " is not a number.");
            }
            rowBuffer[f++] = v;
        }
        String rawLabel = cells.get(labelIndex);
        String label = rawLabel == null ? "" : rawLabel.trim();
        float target = 0;
        if (regression) {
            target = parse(label);
            if (Float.isNaN(target)) {
                if (isMissing(label)) {
                    if (dropMissing) {
                        return;
                    }
                    throw ApiException.badRequest(capitalize(where) + ", column \"" + columns[labelIndex]
                            + "\": missing or non-finite target " + quote(label) + " (use missing=drop to drop such rows).");
                }
                throw ApiException.badRequest(capitalize(where) + ", column \"" + columns[labelIndex] + "\": " + quote(label)
                        + " is not a number; regression targets must be numeric.");
            }
        } else if (label.isEmpty()) {
            if (dropMissing) {
                return;
            }
            throw ApiException.badRequest(capitalize(where) + ", column \"" + columns[labelIndex]
                    + "\": the label is empty (use missing=drop to drop such rows).");
        }
        append(where, label, target);
    }

    private void append(String where, String label, float target) {
        long cells = (long) (rows + 1) * features;
        if (cells > maxCells) {
            throw ApiException.tooLarge(capitalize(where) + " takes the dataset beyond " + cellsExceeded(maxCells));
        }
        if ((long) rows * features + features > x.length) {
            long grown = Math.max((long) x.length * 2, (long) (rows + 1) * features);
            x = Arrays.copyOf(x, (int) Math.min(grown, Math.min(maxCells, Integer.MAX_VALUE - 8)));
        }
        System.arraycopy(rowBuffer, 0, x, rows * features, features);
        if (regression) {
            if (rows == targets.length) {
                targets = Arrays.copyOf(targets, targets.length * 2);
            }
            targets[rows] = target;
        } else {
            Integer idx = classIndex.get(label);
            if (idx == null) {
                String problem = DatasetNames.problem(label);
                if (problem != null) {
                    throw ApiException.badRequest(capitalize(where) + ", column \"" + columns[labelIndex] + "\": the label "
                            + quote(label) + " " + problem + ".");
                }
                if (classNames.size() >= MAX_CLASSES) {
                    throw ApiException.badRequest(capitalize(where) + ": the label column has more than " + MAX_CLASSES
                            + " distinct values; is this a regression task (task=regression)?");
                }
                idx = classNames.size();
                classIndex.put(label, idx);
                classNames.add(label);
            }
            if (rows == labels.length) {
                labels = Arrays.copyOf(labels, labels.length * 2);
            }
            labels[rows] = idx;
        }
        rows++;
    }

    Dataset build() {
        if (rows == 0) {
            throw ApiException.badRequest(dropMissing
                    ? "No data rows are left after dropping rows with missing values."
                    : "The file contains no data rows.");
        }
        String[] names = featureNames();
        // Avoid a second full-size copy when the array already fits exactly.
        float[] fx = x.length == rows * features ? x : Arrays.copyOf(x, rows * features);
        if (regression) {
            return Dataset.regression(fx, rows, features, names, Arrays.copyOf(targets, rows), 1);
        }
        // Sort classes so the class index does not depend on row order.
        String[] sorted = sortClasses(classNames);
        Map<String, Integer> sortedIndex = new HashMap<>();
        for (int i = 0; i < sorted.length; i++) {
            sortedIndex.put(sorted[i], i);
        }
        int[] remap = new int[classNames.size()];
        for (int i = 0; i < remap.length; i++) {
            remap[i] = sortedIndex.get(classNames.get(i));
        }
        int[] fl = new int[rows];
        for (int i = 0; i < rows; i++) {
            fl[i] = remap[labels[i]];
        }
        return Dataset.classification(fx, rows, features, names, fl, sorted);
    }

    String[] featureNames() {
        String[] names = new String[features];
        int f = 0;
        for (int c = 0; c < columns.length; c++) {
            if (c != labelIndex) {
                names[f++] = columns[c];
            }
        }
        return names;
    }

    /** Numerically when every label is a number, otherwise lexicographically. */
    static String[] sortClasses(List<String> classes) {
        String[] out = classes.toArray(String[]::new);
        Map<String, BigDecimal> values = new HashMap<>();
        for (String s : out) {
            // labels are at most 200 characters (DatasetNames), so BigDecimal is cheap here
            try {
                values.put(s, isNumber(s) ? new BigDecimal(s.trim()) : null);
            } catch (NumberFormatException e) {
                // an exponent beyond int range ("1e99999999999") is syntactically a number but not a BigDecimal
                values.put(s, null);
            }
        }
        if (!values.containsValue(null)) {
            Arrays.sort(out, Comparator.comparing((String s) -> values.get(s)).thenComparing(Comparator.naturalOrder()));
        } else {
            Arrays.sort(out);
        }
        return out;
    }

    /**
     * Decimal syntax ({@code [+-] digits [. digits] [e [+-] digits]}) checked in one pass. BigDecimal would accept the
     * same strings but takes quadratic time on long numerals: a single 10 MB cell cost minutes of CPU.
     */
    static boolean isNumber(String raw) {
        if (raw == null) {
            return false;
        }
        String s = raw.trim();
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** Finite float value, or NaN for anything that is not one (missing, non-finite or non-numeric). */
    static float parse(String raw) {
        if (raw == null) {
            return Float.NaN;
        }
        String s = raw.trim();
        if (s.isEmpty() || !plausibleNumber(s)) {
            return Float.NaN;
        }
        try {
            float v = Float.parseFloat(s);
            return Float.isInfinite(v) ? Float.NaN : v;
        } catch (NumberFormatException e) {
            return Float.NaN;
        }
    }

    /** Empty, NaN or infinite: treated as a missing value rather than as text. */
    static boolean isMissing(String raw) {
        if (raw == null) {
            return true;
        }
        String s = raw.trim();
        if (s.isEmpty()) {
            return true;
        }
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("+") || lower.startsWith("-")) {
            lower = lower.substring(1);
        }
        if (lower.equals("nan") || lower.equals("inf") || lower.equals("infinity")) {
            return true;
        }
        // Parses as a number but overflows float, e.g. 1e40.
        return plausibleNumber(s) && isNumber(s);
    }

    /** Rejects what Java's parser would wrongly accept as numbers ("1f", "0x1p3", "NaN"). */
    private static boolean plausibleNumber(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!((ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '+' || ch == 'e' || ch == 'E')) {
                return false;
            }
        }
        return true;
    }

    private static String quote(String raw) {
        String s = raw == null ? "" : raw;
        if (s.length() > 40) {
            s = s.substring(0, 40) + "…";
        }
        return "\"" + s + "\"";
    }

    /** The limit in words, shared by every path that counts cells. */
    static String cellsExceeded(long maxCells) {
        return "the limit of " + maxCells + " cells (rows × features): widrow.datasets.max-cells, or fewer when the "
                + "share of the heap one request may use (widrow.limits.max-job-memory-fraction) cannot parse that many.";
    }

    static String listColumns(String[] columns) {
        if (columns.length <= 20) {
            return String.join(", ", columns);
        }
        return String.join(", ", Arrays.copyOf(columns, 20)) + ", … (" + columns.length + " columns)";
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
