package io.widrow.jobs.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import io.widrow.engine.train.EpochMetrics;

/** Web DTOs of the jobs API; field names are part of the public contract. */
final class JobViews {
    private JobViews() {
    }

    @Schema(description = "A training job")
    record JobView(UUID id,
                   @Schema(allowableValues = {"QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"}) String status,
                   UUID datasetId, int priority,
                   @Schema(description = "the normalized spec: every default filled in") JobSpec spec,
                   Instant createdAt, Instant startedAt, Instant finishedAt,
                   @Schema(description = "epochs finished so far") int epoch,
                   @Schema(description = "epochs planned (early stopping may finish sooner)") int epochs,
                   Double etaSeconds,
                   @Schema(description = "metrics of the last finished epoch") MetricsView latest,
                   UUID modelId, ErrorView error) {
    }

    record ErrorView(String title, String detail) {
    }

    /** One finished epoch; values that do not apply (no validation set, no momentum) are null. */
    record MetricsView(int epoch, Double loss, Double accuracy, Double valLoss, Double valAccuracy, Double learningRate,
                       Double momentum, List<Double> gradientNorms, List<Double> weightNorms, Double samplesPerSecond,
                       Double seconds) {

        static MetricsView of(EpochMetrics m) {
            return new MetricsView(m.epoch(), box(m.loss()), box(m.accuracy()), box(m.valLoss()), box(m.valAccuracy()),
                    box(m.learningRate()), box(m.momentum()), list(m.gradientNorms()), list(m.weightNorms()),
                    box(m.samplesPerSecond()), box(m.seconds()));
        }

        /** JSON has no NaN: a value that does not apply becomes null. */
        static Double box(double v) {
            return Double.isFinite(v) ? v : null;
        }

        static List<Double> list(double[] values) {
            List<Double> out = new ArrayList<>(values == null ? 0 : values.length);
            if (values != null) {
                for (double v : values) {
                    out.add(box(v));
                }
            }
            return out;
        }
    }

    record PageView<T>(List<T> items, int page, int size, long total) {
    }
}
