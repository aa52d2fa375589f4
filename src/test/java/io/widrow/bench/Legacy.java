package io.widrow.bench;

import io.widrow.engine.tensor.BenchAccess;
import java.util.Arrays;

/** The engine's original i-k-j loops (before the Vector API kernels), kept as the "before" column. */
final class Legacy {
    private Legacy() {
    }

    static void multiply(int form, float[] a, float[] b, float[] c, int m, int k, int n, float[] scratch) {
        if (form == BenchAccess.NT) {
            transpose(b, scratch, n, k);
            nn(a, scratch, c, m, k, n);
        } else if (form == BenchAccess.TN) {
            Arrays.fill(c, 0, m * n, 0f);
            for (int p = 0; p < k; p++) {
                for (int i = 0; i < m; i++) {
                    float av = a[p * m + i];
                    if (av != 0f) {
                        for (int j = 0; j < n; j++) {
                            c[i * n + j] += av * b[p * n + j];
                        }
                    }
                }
            }
        } else {
            nn(a, b, c, m, k, n);
        }
    }

    private static void nn(float[] a, float[] b, float[] c, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            Arrays.fill(c, i * n, i * n + n, 0f);
            for (int p = 0; p < k; p++) {
                float av = a[i * k + p];
                if (av != 0f) {
                    for (int j = 0; j < n; j++) {
                        c[i * n + j] += av * b[p * n + j];
                    }
                }
            }
        }
    }

    private static void transpose(float[] src, float[] dst, int rows, int cols) {
        for (int r0 = 0; r0 < rows; r0 += 32) {
            for (int c0 = 0; c0 < cols; c0 += 32) {
                for (int r = r0; r < Math.min(rows, r0 + 32); r++) {
                    for (int c = c0; c < Math.min(cols, c0 + 32); c++) {
                        dst[c * rows + r] = src[r * cols + c];
                    }
                }
            }
        }
    }
}
