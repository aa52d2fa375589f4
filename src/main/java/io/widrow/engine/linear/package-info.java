/**
 * Single linear neurons from the course notes: the perceptron (step output, updates on mistakes) and
 * ADALINE (linear output, LMS), plus the trainer that runs them on a Dataset with the service's
 * TrainingSpec. Feature maps and standardization happen before, in {@code io.widrow.engine.features}.
 */
package io.widrow.engine.linear;
