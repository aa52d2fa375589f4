package io.widrow.engine.train;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.tensor.Rng;

/** Seeded train/held-out splits; classification splits are stratified so both parts keep every class. */
public final class Splits {
    private Splits() {
    }

    /** Returns {train, heldOut} with about {@code fraction} of the rows (at least one) held out. */
    public static Dataset[] holdOut(Dataset data, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation split must be in (0, 1), got " + fraction);
        }
        if (data.rows() < 2) {
            throw new IllegalArgumentException("cannot hold out a validation split from " + data.rows() + " row(s)");
        }
        Rng rng = new Rng(seed ^ 0x5EED5EEDL);
        int n = data.rows();
        boolean[] held = new boolean[n];
        if (data.isClassification()) {
            int k = data.classCount();
            int[] labels = data.labels();
            for (int c = 0; c < k; c++) {
                int count = 0;
                for (int i = 0; i < n; i++) {
                    if (labels[i] == c) {
                        count++;
                    }
                }
                int[] members = new int[count];
                for (int i = 0, j = 0; i < n; i++) {
                    if (labels[i] == c) {
                        members[j++] = i;
                    }
                }
                rng.shuffle(members, count);
                int take = count < 2 ? 0 : Math.max(1, (int) Math.round(count * fraction));
                for (int j = 0; j < Math.min(take, count - 1); j++) {
                    held[members[j]] = true;
                }
            }
        } else {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            rng.shuffle(all, n);
            int take = Math.min(n - 1, Math.max(1, (int) Math.round(n * fraction)));
            for (int j = 0; j < take; j++) {
                held[all[j]] = true;
            }
        }
        int heldCount = 0;
        for (boolean h : held) {
            if (h) {
                heldCount++;
            }
        }
        int[] trainIdx = new int[n - heldCount];
        int[] valIdx = new int[heldCount];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (held[i]) {
                valIdx[b++] = i;
            } else {
                trainIdx[a++] = i;
            }
        }
        return new Dataset[] {data.subset(trainIdx), data.subset(valIdx)};
    }
}
