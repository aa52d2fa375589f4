package io.widrow.datasets.internal;

import java.util.ArrayList;
import java.util.List;

import io.widrow.engine.data.Dataset;

final class FeatureStatistics {
    private FeatureStatistics() {
    }

    /** One pass over the row-major array; Welford keeps the variance stable for large, offset values. */
    static List<DatasetViews.FeatureStats> compute(Dataset d) {
        int f = d.features();
        double[] mean = new double[f];
        double[] m2 = new double[f];
        double[] min = new double[f];
        double[] max = new double[f];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        float[] x = d.x();
        for (int r = 0; r < d.rows(); r++) {
            int base = r * f;
            double n = r + 1;
            for (int c = 0; c < f; c++) {
                double v = x[base + c];
                double delta = v - mean[c];
                mean[c] += delta / n;
                m2[c] += delta * (v - mean[c]);
                if (v < min[c]) {
                    min[c] = v;
                }
                if (v > max[c]) {
                    max[c] = v;
                }
            }
        }
        String[] names = d.featureNames();
        List<DatasetViews.FeatureStats> out = new ArrayList<>(f);
        for (int c = 0; c < f; c++) {
            double std = d.rows() > 0 ? Math.sqrt(m2[c] / d.rows()) : 0;
            // min/max are float samples: report their shortest decimal form (4.9, not 4.900000095367432).
            out.add(new DatasetViews.FeatureStats(names[c], mean[c], std,
                    d.rows() > 0 ? asDecimal((float) min[c]) : 0, d.rows() > 0 ? asDecimal((float) max[c]) : 0));
        }
        return out;
    }

    private static double asDecimal(float f) {
        return Double.parseDouble(Float.toString(f));
    }
}
