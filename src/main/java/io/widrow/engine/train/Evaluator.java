package io.widrow.engine.train;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.nn.Network;
import io.widrow.engine.tensor.Matrix;

/** Scores a network on a whole dataset in inference mode, in chunks, with buffers reused across calls. */
public final class Evaluator {
    private static final int CHUNK = 1024;
    private final Matrix x;
    private final Matrix t;
    private final int[] order;

    public Evaluator(Dataset data, int outputs) {
        int rows = Math.min(CHUNK, Math.max(1, data.rows()));
        this.x = new Matrix(rows, data.features());
        this.t = new Matrix(rows, outputs);
        this.order = new int[data.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
    }

    public Evaluation evaluate(Network net, Dataset data) {
        if (data.rows() == 0) {
            return Evaluation.NONE;
        }
        double lossSum = 0;
        long hits = 0;
        for (int from = 0; from < data.rows(); from += CHUNK) {
            int n = Math.min(CHUNK, data.rows() - from);
            Targets.gather(data, order, from, n, x, t);
            Matrix a = net.forward(x, false);
            lossSum += net.loss().value(a, t) * n;
            hits += Targets.correct(data, order, from, n, a);
        }
        double accuracy = data.isClassification() ? (double) hits / data.rows() : Double.NaN;
        return new Evaluation(lossSum / data.rows(), accuracy);
    }
}
