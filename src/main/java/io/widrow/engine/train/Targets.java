package io.widrow.engine.train;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.tensor.Matrix;
import io.widrow.engine.tensor.Parallel;
import java.util.Arrays;

/**
 * Copies a batch of rows and their encoded targets into reusable buffers: one-hot rows for a
 * multi-output classifier, a 0/1 column for a single sigmoid output, raw values for regression.
 */
final class Targets {
    private Targets() {
    }

    /** Below this many floats a batch is copied by the caller alone. */
    private static final int PARALLEL_MIN_FLOATS = 32_768;
    /** One reusable copy task per training thread, so a batch allocates nothing. */
    private static final ThreadLocal<RowCopy> COPY = ThreadLocal.withInitial(RowCopy::new);
    /** Rows at least twice this wide are copied in column shares. */
    private static final int COLUMN_SHARE_MIN = 64;

    /** Mutates {@code x} and {@code t}: fills them with rows {@code order[from..from+n)} of {@code data}. */
    static void gather(Dataset data, int[] order, int from, int n, Matrix x, Matrix t) {
        x.resizeRows(n);
        t.resizeRows(n);
        int f = data.features();
        RowCopy copy = COPY.get();
        // Wide rows are split by columns, in 16-float shares that nearly match the first layer's k split
        // (384 against 392 of 784), so each core copies the part of the batch that it then multiplies,
        // into its own cache; narrow ones by rows.
        boolean byColumns = f >= 2 * COLUMN_SHARE_MIN;
        copy.set(data.x(), order, from, f, x.data(), byColumns, n);
        // A 128-image batch is 400 KB gathered from rows scattered over the set: two cores copy it faster.
        if ((long) n * f < 2L * PARALLEL_MIN_FLOATS) {
            copy.run(0, byColumns ? f : n);
        } else if (byColumns) {
            Parallel.forRange(f, COLUMN_SHARE_MIN, copy);
        } else {
            Parallel.forRange(n, PARALLEL_MIN_FLOATS / f + 1, copy);
        }
        copy.set(null, null, 0, 0, null, false, 0);
        encode(data, order, from, n, t);
    }

    private static final class RowCopy implements Parallel.RangeTask {
        private float[] src;
        private int[] order;
        private int from;
        private int features;
        private float[] dst;
        private boolean byColumns;
        private int rows;

        void set(float[] src, int[] order, int from, int features, float[] dst, boolean byColumns, int rows) {
            this.src = src;
            this.order = order;
            this.from = from;
            this.features = features;
            this.dst = dst;
            this.byColumns = byColumns;
            this.rows = rows;
        }

        /** Rows lo..hi, or columns lo..hi of every row when split by columns. */
        @Override
        public void run(int lo, int hi) {
            int f = features;
            if (byColumns) {
                for (int i = 0; i < rows; i++) {
                    System.arraycopy(src, order[from + i] * f + lo, dst, i * f + lo, hi - lo);
                }
                return;
            }
            for (int i = lo; i < hi; i++) {
                System.arraycopy(src, order[from + i] * f, dst, i * f, f);
            }
        }
    }

    /** Mutates {@code t}: the encoded targets of rows {@code order[from..from+n)}. */
    static void encode(Dataset data, int[] order, int from, int n, Matrix t) {
        int k = t.cols();
        float[] td = t.data();
        if (data.isClassification()) {
            int[] labels = data.labels();
            if (k == 1) {
                for (int i = 0; i < n; i++) {
                    td[i] = labels[order[from + i]];
                }
            } else {
                Arrays.fill(td, 0, n * k, 0f);
                for (int i = 0; i < n; i++) {
                    td[i * k + labels[order[from + i]]] = 1f;
                }
            }
        } else {
            float[] targets = data.targets();
            for (int i = 0; i < n; i++) {
                System.arraycopy(targets, order[from + i] * k, td, i * k, k);
            }
        }
    }

    /** How many of the first {@code n} output rows predict the label of rows {@code order[from..)}. */
    static int correct(Dataset data, int[] order, int from, int n, Matrix a) {
        if (!data.isClassification()) {
            return 0;
        }
        int[] labels = data.labels();
        int k = a.cols();
        float[] ad = a.data();
        int hits = 0;
        for (int i = 0; i < n; i++) {
            int predicted = k == 1 ? (ad[i] >= 0.5f ? 1 : 0) : argmax(ad, i * k, k);
            if (predicted == labels[order[from + i]]) {
                hits++;
            }
        }
        return hits;
    }

    static int argmax(float[] a, int off, int k) {
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (a[off + j] > a[off + best]) {
                best = j;
            }
        }
        return best;
    }
}
