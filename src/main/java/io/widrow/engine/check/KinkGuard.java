package io.widrow.engine.check;

import io.widrow.engine.nn.ActivationLayer;
import io.widrow.engine.nn.Layer;
import io.widrow.engine.tensor.Matrix;
import java.util.ArrayList;
import java.util.List;

/**
 * Remembers on which side of 0 every ReLU-family input sat at the unperturbed point. A finite difference
 * taken across such a kink measures neither one-sided derivative, so those coordinates must be skipped.
 */
final class KinkGuard {
    private final List<ActivationLayer> kinked = new ArrayList<>();
    private final boolean[] positive;

    /** Must be constructed right after a forward pass at the unperturbed point. */
    KinkGuard(List<Layer> layers) {
        int total = 0;
        for (Layer layer : layers) {
            if (layer instanceof ActivationLayer act && hasKink(act)) {
                kinked.add(act);
                total += act.z().size();
            }
        }
        positive = new boolean[total];
        int k = 0;
        for (ActivationLayer act : kinked) {
            Matrix z = act.z();
            for (int i = 0; i < z.size(); i++) {
                positive[k++] = z.data()[i] > 0f;
            }
        }
    }

    /** Whether the last forward moved any guarded input to the other side of its kink. */
    boolean crossed() {
        int k = 0;
        for (ActivationLayer act : kinked) {
            Matrix z = act.z();
            for (int i = 0; i < z.size(); i++) {
                if (positive[k++] != z.data()[i] > 0f) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasKink(ActivationLayer act) {
        return switch (act.activation().name()) {
            case "relu", "leaky_relu", "step" -> true;
            default -> false;
        };
    }
}
