package io.widrow.engine.schedule;

import java.util.List;

/**
 * A learning-rate schedule as the API speaks it. Fields not used by {@code type} are ignored: only the
 * type's own fields are range-checked, but NaN and infinities are rejected everywhere.
 *
 * @param type             constant | step | inverse_time | plateau | cosine | cyclic
 * @param warmupSteps      linear warmup over the first N updates, combinable with any type (0 = none)
 * @param gamma            step: factor applied every {@code stepEpochs} epochs (0.5 halves)
 * @param stepEpochs       step: k
 * @param a                inverse_time: α_t = a / (b + t), t the epoch; 0 = base·b (start at the base)
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
    public static final List<String> TYPES = List.of("constant", "step", "inverse_time", "plateau", "cosine", "cyclic");

    public ScheduleSpec {
        if (type == null || !TYPES.contains(type)) {
            throw new IllegalArgumentException("schedule type must be one of " + TYPES + ", got '" + type + "'");
        }
        require(warmupSteps >= 0, "warmupSteps must be >= 0", warmupSteps);
        finite("gamma", gamma);
        finite("a", a);
        finite("b", b);
        finite("factor", factor);
        finite("threshold", threshold);
        finite("minLearningRate", minLearningRate);
        finite("periodMultiplier", periodMultiplier);
        finite("maxLearningRate", maxLearningRate);
        switch (type) {
            case "step" -> {
                require(gamma > 0 && gamma <= 1, "step gamma must be in (0, 1]", gamma);
                require(stepEpochs >= 1, "stepEpochs must be >= 1", stepEpochs);
            }
            case "inverse_time" -> {
                require(b > 0, "inverse_time b must be > 0", b);
                require(a >= 0, "inverse_time a must be > 0 (or 0 for base·b)", a);
            }
            case "plateau" -> {
                require(factor > 0 && factor < 1, "plateau factor must be in (0, 1)", factor);
                require(patience >= 0, "plateau patience must be >= 0", patience);
                require(threshold >= 0, "plateau threshold must be >= 0", threshold);
                require(minLearningRate >= 0, "minLearningRate must be >= 0", minLearningRate);
            }
            case "cosine" -> {
                require(period >= 0, "cosine period must be >= 0 (0 = whole run)", period);
                require(periodMultiplier >= 1, "cosine periodMultiplier must be >= 1", periodMultiplier);
                require(minLearningRate >= 0, "minLearningRate must be >= 0", minLearningRate);
            }
            case "cyclic" -> {
                require(maxLearningRate > 0, "cyclic maxLearningRate must be > 0", maxLearningRate);
                require(cycleSteps >= 1, "cyclic cycleSteps must be >= 1", cycleSteps);
            }
            default -> {
            }
        }
    }

    public static ScheduleSpec constant() {
        return new ScheduleSpec("constant", 0, 0.5, 10, 0, 1, 0.1, 10, 1e-4, 0, 0, 1, 0, 1);
    }

    /** lr·gamma^floor(epoch / everyEpochs). */
    public static ScheduleSpec step(double gamma, int everyEpochs) {
        return new ScheduleSpec("step", 0, gamma, everyEpochs, 0, 1, 0.1, 10, 1e-4, 0, 0, 1, 0, 1);
    }

    /** a / (b + epoch); a = 0 means base·b. */
    public static ScheduleSpec inverseTime(double a, double b) {
        return new ScheduleSpec("inverse_time", 0, 0.5, 10, a, b, 0.1, 10, 1e-4, 0, 0, 1, 0, 1);
    }

    public static ScheduleSpec plateau(double factor, int patience, double threshold, double minLearningRate) {
        return new ScheduleSpec("plateau", 0, 0.5, 10, 0, 1, factor, patience, threshold, minLearningRate, 0, 1, 0, 1);
    }

    /** Cosine annealing; period 0 = one cycle over the run, otherwise warm restarts every period·mult^i epochs. */
    public static ScheduleSpec cosine(int period, double periodMultiplier, double minLearningRate) {
        return new ScheduleSpec("cosine", 0, 0.5, 10, 0, 1, 0.1, 10, 1e-4, minLearningRate, period, periodMultiplier,
                0, 1);
    }

    public static ScheduleSpec cyclic(double maxLearningRate, int cycleSteps) {
        return new ScheduleSpec("cyclic", 0, 0.5, 10, 0, 1, 0.1, 10, 1e-4, 0, 0, 1, maxLearningRate, cycleSteps);
    }

    /** This spec with a linear warmup over the first {@code steps} updates. */
    public ScheduleSpec withWarmup(int steps) {
        return new ScheduleSpec(type, steps, gamma, stepEpochs, a, b, factor, patience, threshold, minLearningRate,
                period, periodMultiplier, maxLearningRate, cycleSteps);
    }

    /** Builds the schedule for a run of {@code epochs} epochs of {@code stepsPerEpoch} updates each. */
    public LearningRateSchedule build(double baseLearningRate, int epochs, int stepsPerEpoch) {
        require(baseLearningRate > 0 && Double.isFinite(baseLearningRate), "base learning rate must be > 0",
                baseLearningRate);
        require(epochs >= 1, "epochs must be >= 1", epochs);
        require(stepsPerEpoch >= 1, "stepsPerEpoch must be >= 1", stepsPerEpoch);
        if (type.equals("plateau") || type.equals("cosine")) {
            require(minLearningRate <= baseLearningRate,
                    "minLearningRate must be <= the base learning rate " + baseLearningRate, minLearningRate);
        }
        if (type.equals("cyclic")) {
            require(maxLearningRate > baseLearningRate,
                    "cyclic maxLearningRate must be > the base learning rate " + baseLearningRate, maxLearningRate);
        }
        LearningRateSchedule schedule = switch (type) {
            case "constant" -> new Constant(baseLearningRate);
            case "step" -> new StepDecay(baseLearningRate, gamma, stepEpochs);
            case "inverse_time" -> new InverseTime(a == 0 ? baseLearningRate * b : a, b);
            case "plateau" -> new ReduceOnPlateau(baseLearningRate, factor, patience, threshold, minLearningRate);
            case "cosine" -> new CosineAnnealing(baseLearningRate, minLearningRate, period, periodMultiplier, epochs,
                    stepsPerEpoch);
            case "cyclic" -> new Cyclic(baseLearningRate, maxLearningRate, cycleSteps);
            default -> throw new IllegalStateException("unreachable: " + type);
        };
        return warmupSteps > 0 ? new Warmup(schedule, warmupSteps) : schedule;
    }

    private static void require(boolean ok, String message, double value) {
        if (!ok) {
            throw new IllegalArgumentException(message + ", got " + value);
        }
    }

    private static void require(boolean ok, String message, int value) {
        if (!ok) {
            throw new IllegalArgumentException(message + ", got " + value);
        }
    }

    private static void finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be finite, got " + value);
        }
    }
}
