package io.widrow.engine.nn.loss;

import io.widrow.engine.nn.activation.Activation;
import io.widrow.engine.tensor.Matrix;

/**
 * E = 1/(2N) Σ (a − t)². The gradient goes through the output activation's own backward, so MSE pairs
 * with any differentiable activation, softmax included, without a special case per pair.
 */
public final class MeanSquaredError implements Loss {
    private final Activation output;
    private Matrix gradA;

    public MeanSquaredError(Activation output) {
        if (!output.differentiable()) {
            throw new IllegalArgumentException("mse needs a differentiable output activation, got '" + output.name() + "'");
        }
        this.output = output;
    }

    @Override
    public String name() {
        return "mse";
    }

    @Override
    public double value(Matrix a, Matrix t) {
        a.requireSameShape(t);
        float[] ad = a.data();
        float[] td = t.data();
        double sum = 0;
        for (int i = 0, n = a.size(); i < n; i++) {
            double d = (double) ad[i] - td[i];
            sum += d * d;
        }
        return a.rows() == 0 ? 0 : sum / (2.0 * a.rows());
    }

    @Override
    public void gradient(Matrix z, Matrix a, Matrix t, Matrix gradZ) {
        a.requireSameShape(t);
        int rows = a.rows();
        if (gradA == null || gradA.capacityRows() < rows || gradA.cols() != a.cols()) {
            gradA = new Matrix(rows, a.cols());
        }
        gradA.resizeRows(rows);
        float[] ad = a.data();
        float[] td = t.data();
        float[] g = gradA.data();
        float inv = rows == 0 ? 0f : 1f / rows;
        for (int i = 0, n = a.size(); i < n; i++) {
            g[i] = (ad[i] - td[i]) * inv;
        }
        output.backward(z, a, gradA, gradZ);
    }
}
