/**
 * Learning-rate schedules, built from a {@link io.widrow.engine.schedule.ScheduleSpec}: constant, step
 * decay, inverse time, reduce-on-plateau, cosine annealing (with warm restarts) and triangular cyclic,
 * each optionally wrapped in a linear {@link io.widrow.engine.schedule.Warmup}. Schedules are queried once
 * per update with the global step and epoch; only reduce-on-plateau keeps state between calls.
 */
package io.widrow.engine.schedule;
