package io.widrow.engine.train;

import io.widrow.engine.tensor.Rng;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The order in which an epoch visits the training rows: fixed, shuffled every epoch, or stratified so
 * every contiguous mini-batch keeps roughly the class proportions of the whole set. All buffers are
 * allocated once; {@link #nextEpoch()} only permutes them.
 */
final class BatchOrder {
    private final int[] order;
    private final boolean shuffle;
    private final Rng rng;
    private final int[][] byClass;

    /** {@code labels} may be null (regression); stratification then falls back to plain order. */
    BatchOrder(int rows, int[] labels, int classes, boolean shuffle, boolean stratified, Rng rng) {
        this.order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        this.shuffle = shuffle;
        this.rng = rng;
        this.byClass = stratified && labels != null && classes > 1 ? groupByClass(labels, rows, classes) : null;
    }

    int[] order() {
        return order;
    }

    /** Mutates the order for the next epoch. */
    void nextEpoch() {
        if (byClass == null) {
            if (shuffle) {
                rng.shuffle(order, order.length);
            }
            return;
        }
        if (shuffle) {
            for (int[] members : byClass) {
                rng.shuffle(members, members.length);
            }
        }
        interleave();
    }

    /** Writes the random stream and the current permutations: the next epoch shuffles these, not a fresh order. */
    void write(DataOutput out) throws IOException {
        out.writeLong(rng.state());
        CheckpointIo.writeInts(out, order);
        out.writeInt(byClass == null ? -1 : byClass.length);
        if (byClass != null) {
            for (int[] members : byClass) {
                CheckpointIo.writeInts(out, members);
            }
        }
    }

    /** Mutates: restores what {@link #write} saved. */
    void read(DataInput in) throws IOException {
        rng.restore(in.readLong());
        CheckpointIo.readInts(in, order, "the batch order");
        int groups = in.readInt();
        int expected = byClass == null ? -1 : byClass.length;
        if (groups != expected) {
            throw new IOException("the checkpoint has " + groups + " stratification groups, this run " + expected);
        }
        for (int c = 0; c < groups; c++) {
            CheckpointIo.readInts(in, byClass[c], "stratification group " + c);
        }
    }

    /**
     * Merges the class lists by their relative position (i + 0.5) / n_c, so a batch of any size drawn
     * from a contiguous run holds each class in proportion to its share.
     */
    private void interleave() {
        int k = byClass.length;
        int[] next = new int[k];
        for (int out = 0; out < order.length; out++) {
            int best = -1;
            double bestKey = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                int n = byClass[c].length;
                if (next[c] < n) {
                    double key = (next[c] + 0.5) / n;
                    if (key < bestKey) {
                        bestKey = key;
                        best = c;
                    }
                }
            }
            order[out] = byClass[best][next[best]++];
        }
    }

    private static int[][] groupByClass(int[] labels, int rows, int classes) {
        int[] counts = new int[classes];
        for (int i = 0; i < rows; i++) {
            counts[labels[i]]++;
        }
        int nonEmpty = 0;
        for (int c : counts) {
            if (c > 0) {
                nonEmpty++;
            }
        }
        int[][] groups = new int[nonEmpty][];
        int[] slot = new int[classes];
        int g = 0;
        for (int c = 0; c < classes; c++) {
            if (counts[c] > 0) {
                groups[g] = new int[counts[c]];
                slot[c] = g++;
            }
        }
        int[] fill = new int[nonEmpty];
        for (int i = 0; i < rows; i++) {
            int s = slot[labels[i]];
            groups[s][fill[s]++] = i;
        }
        return groups;
    }
}
