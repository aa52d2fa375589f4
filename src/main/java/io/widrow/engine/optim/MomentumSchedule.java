package io.widrow.engine.optim;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The course notes' momentum schedule: γ = initial (e.g. 0.5) while training is unstable, then final
 * (e.g. 0.9). The switch happens at a fixed epoch, or permanently once the epoch-to-epoch loss change
 * falls below a threshold, whichever comes first. A switch at epoch k means epochs 0..k−1 use the
 * initial value and k onwards the final one; a threshold met at the end of epoch e switches at e + 1.
 * With initial = NaN it always answers the final value (the optimizer's own momentum).
 */
public final class MomentumSchedule {
    private final double initialMomentum;
    private final double finalMomentum;
    private final int switchEpoch;
    private final double switchThreshold;
    private int switchedAt = -1;
    private double previousLoss = Double.NaN;

    public MomentumSchedule(double initialMomentum, double finalMomentum, int switchEpoch, double switchThreshold) {
        this.initialMomentum = initialMomentum;
        this.finalMomentum = finalMomentum;
        this.switchEpoch = switchEpoch;
        this.switchThreshold = switchThreshold;
    }

    public double momentumForEpoch(int epoch) {
        if (Double.isNaN(initialMomentum)) {
            return finalMomentum;
        }
        boolean byEpoch = switchEpoch >= 0 && epoch >= switchEpoch;
        boolean byLoss = switchedAt >= 0 && epoch >= switchedAt;
        return byEpoch || byLoss ? finalMomentum : initialMomentum;
    }

    /** Mutates: records the epoch's loss and switches for good when it has stopped changing much. */
    public void onEpochEnd(int epoch, double loss) {
        if (switchedAt < 0 && !Double.isNaN(switchThreshold) && !Double.isNaN(previousLoss)
                && Math.abs(loss - previousLoss) < switchThreshold) {
            switchedAt = epoch + 1;
        }
        previousLoss = loss;
    }

    /** Whether the loss threshold has triggered the switch. */
    public boolean switchedByLoss() {
        return switchedAt >= 0;
    }

    public void writeState(DataOutput out) throws IOException {
        out.writeInt(switchedAt);
        out.writeDouble(previousLoss);
    }

    /** Mutates: restores state written by {@link #writeState}. */
    public void readState(DataInput in) throws IOException {
        switchedAt = in.readInt();
        previousLoss = in.readDouble();
    }
}
