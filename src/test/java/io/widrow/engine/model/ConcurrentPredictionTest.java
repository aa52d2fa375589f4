package io.widrow.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.data.GeneratorSpec;
import io.widrow.engine.data.Generators;
import io.widrow.engine.nn.DenseSpec;
import io.widrow.engine.nn.LayerSpec;
import io.widrow.engine.nn.OutputSpec;
import io.widrow.engine.optim.OptimizerSpec;
import io.widrow.engine.schedule.ScheduleSpec;
import io.widrow.engine.train.GradientClipSpec;
import io.widrow.engine.train.TrainingSpec;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Predictions from many threads at once give exactly the single-threaded answers, on at most one copy per core. */
class ConcurrentPredictionTest {
    @Test
    void concurrentCallersGetTheSameBitsFromInferenceCopies() throws Exception {
        Dataset rings = Generators.generate(new GeneratorSpec("rings", 400, 0.1, 3));
        List<LayerSpec> hidden = List.of(new DenseSpec(32, "relu", "he_normal"), new DenseSpec(16, "tanh", "xavier_uniform"));
        ModelSpec spec = new ModelSpec("mlp", "none", true, hidden, new OutputSpec(0, "softmax", "cross_entropy", "xavier_uniform"), 0.5);
        TrainingSpec training = new TrainingSpec(5, 32, true, false, 1, OptimizerSpec.of("adam", 1e-2), ScheduleSpec.constant(),
                GradientClipSpec.NONE, null, 0, 0);
        TrainedModel model = Training.run(spec, training, rings, null, m -> { }, () -> false).model();
        float[] x = rings.x().clone();
        float[] expected = model.predict(x, rings.rows()).outputs();

        int threads = 6;
        AtomicInteger mismatches = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] callers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            callers[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 200; i++) {
                    if (!java.util.Arrays.equals(model.predict(x, rings.rows()).outputs(), expected)) {
                        mismatches.incrementAndGet();
                    }
                }
            });
            callers[t].start();
        }
        start.countDown();
        for (Thread t : callers) {
            t.join();
        }
        assertThat(mismatches).hasValue(0);
        assertThat(model.networkCopies()).as("callers met a busy network and took copies")
                .isBetween(1, Runtime.getRuntime().availableProcessors());
    }
}
