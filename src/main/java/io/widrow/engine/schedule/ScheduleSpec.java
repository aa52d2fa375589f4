package io.widrow.engine.schedule;

/** TODO (helper B). */
public record ScheduleSpec(String type, int warmupSteps) {
    public LearningRateSchedule build(double baseLearningRate, int epochs, int stepsPerEpoch) {
        throw new UnsupportedOperationException("TODO");
    }
}
