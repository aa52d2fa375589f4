package io.widrow.engine.schedule;

/**
 * A learning-rate schedule as the API speaks it. Fields not used by {@code type} are ignored.
 *
 * @param type             constant | step | inverse_time | plateau | cosine | cyclic
 * @param warmupSteps      linear warmup over the first N updates, combinable with any type (0 = none)
 * @param gamma            step: factor applied every {@code stepEpochs} epochs (0.5 halves)
 * @param stepEpochs       step: k
 * @param a                inverse_time: α_t = a / (b + t), t the epoch
 * @param b                inverse_time
 * @param factor           plateau: multiply by this when the held-out loss stops improving
 * @param patience         plateau: epochs without improvement before reducing
 * @param threshold        plateau: improvement smaller than this does not count
 * @param minLearningRate  plateau and cosine: floor
 * @param period           cosine: epochs per cycle (0 = the whole run)
 * @param periodMultiplier cosine with restarts: each cycle is this many times longer (1 = equal cycles)
 * @param maxLearningRate  cyclic: the peak (the base learning rate is the trough)
 * @param cycleSteps       cyclic: updates per half cycle
 */
public record ScheduleSpec(String type, int warmupSteps, double gamma, int stepEpochs, double a, double b,
                           double factor, int patience, double threshold, double minLearningRate, int period,
                           double periodMultiplier, double maxLearningRate, int cycleSteps) {

    /** Builds the schedule for a run of {@code epochs} epochs of {@code stepsPerEpoch} updates each. */
    public LearningRateSchedule build(double baseLearningRate, int epochs, int stepsPerEpoch) {
        throw new UnsupportedOperationException("TODO");
    }
}
