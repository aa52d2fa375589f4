package io.widrow.engine.check;

import io.widrow.engine.nn.ActivationLayer;
import io.widrow.engine.nn.Layer;
import io.widrow.engine.nn.Parameter;
import io.widrow.engine.nn.loss.Loss;
import io.widrow.engine.tensor.Matrix;
import java.util.ArrayList;
import java.util.List;

/**
 * Central finite-difference check of back-propagation through a stack of layers topped by a loss.
 *
 * <p>When the last layer is an {@link ActivationLayer} the loss is fused with it, exactly as a trainer
 * does: {@link Loss#gradient} receives that layer's z and a and back-propagation starts one layer lower.
 * Otherwise the loss sees the last layer's output as both z and a (use an identity-paired loss).
 *
 * <p>Layers compute in float, so differences use a step of {@code step·max(1, |θ|)} (Richardson-extrapolated
 * from steps h and h/2) and compare with a
 * relative error whose denominator never falls below {@code floor}; tiny gradients are thus compared
 * absolutely instead of amplifying float noise. Coordinates whose perturbation moves any ReLU-family
 * input across 0 are skipped (the function has a kink there) and counted in the report.
 */
public final class GradientChecker {
    private GradientChecker() {
    }

    /**
     * @param step      relative perturbation h
     * @param tolerance max relative error
     * @param floor     error denominator floor, so near-zero gradients are compared absolutely
     * @param noiseUlps float round-off allowance: {@code noiseUlps · ulp((float) E) / h} of absolute
     *                  difference is forgiven, since E is only known to a few float ulps
     */
    public record Options(double step, double tolerance, double floor, double noiseUlps) {
        public Options {
            if (!(step > 0) || !(tolerance > 0) || !(floor > 0) || !(noiseUlps >= 0)) {
                throw new IllegalArgumentException("gradient check options must be > 0, got step=" + step
                        + ", tolerance=" + tolerance + ", floor=" + floor + ", noiseUlps=" + noiseUlps);
            }
        }

        public static Options defaults() {
            return new Options(1e-2, 2e-2, 1e-2, 8);
        }
    }

    /** One compared coordinate: {@code where} is e.g. {@code "layer 0 dense W"} or {@code "input"}. */
    public record Mismatch(String where, int index, double analytic, double numeric, double error) {
    }

    /** @param loss E at the unperturbed point: float round-off in the numeric gradient grows with it. */
    public record Report(int checked, int skipped, double maxError, double loss, List<Mismatch> failures) {
        public boolean passed() {
            return failures.isEmpty();
        }

        @Override
        public String toString() {
            return "checked " + checked + ", skipped " + skipped + " near kinks, max relative error " + maxError
                    + ", loss " + loss
                    + (failures.isEmpty() ? "" : ", failures " + failures.subList(0, Math.min(10, failures.size())));
        }
    }

    public static Report check(List<Layer> layers, Loss loss, Matrix input, Matrix target) {
        return check(layers, loss, input, target, Options.defaults());
    }

    /** Compares analytic and numeric gradients of every parameter of every layer and of the input. */
    public static Report check(List<Layer> layers, Loss loss, Matrix input, Matrix target, Options options) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("gradient check needs at least one layer, got none");
        }
        Matrix gradInput = backprop(layers, loss, input, target).copy();
        double e0 = loss(layers, loss, input, target);
        List<float[]> analytic = new ArrayList<>();
        for (Layer layer : layers) {
            for (Parameter p : layer.parameters()) {
                analytic.add(p.grad().clone());
            }
        }
        KinkGuard signs = new KinkGuard(layers);
        Tally tally = new Tally(options, options.noiseUlps() * Math.ulp((float) Math.max(1.0, Math.abs(e0))));
        int k = 0;
        for (int l = 0; l < layers.size(); l++) {
            for (Parameter p : layers.get(l).parameters()) {
                String where = "layer " + l + " " + layers.get(l).kind() + " " + p.name();
                compare(where, p.value(), p.size(), analytic.get(k++), layers, loss, input, target, signs, tally);
            }
        }
        compare("input", input.data(), input.size(), gradInput.data(), layers, loss, input, target, signs, tally);
        return new Report(tally.checked, tally.skipped, tally.maxError, e0, tally.failures);
    }

    /** E for the batch after a training-mode forward through all layers. */
    public static double loss(List<Layer> layers, Loss loss, Matrix input, Matrix target) {
        Matrix out = forward(layers, input);
        return loss.value(out, target);
    }

    /** Runs forward and backward once; returns dE/d(input) (a layer-owned buffer) and fills every grad. */
    public static Matrix backprop(List<Layer> layers, Loss loss, Matrix input, Matrix target) {
        Matrix a = forward(layers, input);
        int top = layers.size() - 1;
        Matrix z = a;
        if (layers.get(top) instanceof ActivationLayer act) {
            z = act.z();
            top--;
        }
        Matrix grad = new Matrix(a.rows(), a.cols());
        loss.gradient(z, a, target, grad);
        for (int l = top; l >= 0; l--) {
            grad = layers.get(l).backward(grad);
        }
        return grad;
    }

    private static Matrix forward(List<Layer> layers, Matrix input) {
        Matrix x = input;
        for (Layer layer : layers) {
            x = layer.forward(x, true);
        }
        return x;
    }

    private static void compare(String where, float[] values, int n, float[] analytic, List<Layer> layers, Loss loss,
            Matrix input, Matrix target, KinkGuard signs, Tally tally) {
        for (int i = 0; i < n; i++) {
            float original = values[i];
            double h = tally.options.step() * Math.max(1.0, Math.abs(original));
            double wide = difference(values, i, h, layers, loss, input, target, signs);
            double narrow = difference(values, i, h / 2, layers, loss, input, target, signs);
            values[i] = original;
            if (Double.isNaN(wide) || Double.isNaN(narrow)) {
                tally.skipped++;
                continue;
            }
            // Richardson extrapolation cancels the O(h²) term: h stays large enough to drown float
            // round-off while the truncation error of curved layers (BatchNorm on tiny batches) vanishes.
            double numeric = narrow + (narrow - wide) / 3;
            double a = analytic[i];
            double excess = Math.max(0, Math.abs(a - numeric) - tally.noiseUlp / h);
            double error = excess / Math.max(tally.options.floor(), Math.max(Math.abs(a), Math.abs(numeric)));
            tally.checked++;
            tally.maxError = Math.max(tally.maxError, error);
            if (!(error <= tally.options.tolerance())) {
                tally.failures.add(new Mismatch(where, i, a, numeric, error));
            }
        }
    }

    /** Central difference of E in coordinate i, or NaN when a ReLU-family input crossed its kink. */
    private static double difference(float[] values, int i, double h, List<Layer> layers, Loss loss, Matrix input,
            Matrix target, KinkGuard signs) {
        float original = values[i];
        float plus = (float) (original + h);
        float minus = (float) (original - h);
        values[i] = plus;
        double ePlus = loss(layers, loss, input, target);
        boolean kink = signs.crossed();
        values[i] = minus;
        double eMinus = loss(layers, loss, input, target);
        kink |= signs.crossed();
        values[i] = original;
        // Divide by the float-rounded step actually taken, not the requested one.
        return kink ? Double.NaN : (ePlus - eMinus) / ((double) plus - minus);
    }

    private static final class Tally {
        final Options options;
        final double noiseUlp;
        final List<Mismatch> failures = new ArrayList<>();
        int checked;
        int skipped;
        double maxError;

        Tally(Options options, double noiseUlp) {
            this.options = options;
            this.noiseUlp = noiseUlp;
        }
    }
}
