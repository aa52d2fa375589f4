package io.widrow.models.internal;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.model.LinearWeights;
import io.widrow.engine.model.ModelSpec;
import io.widrow.engine.model.TrainedModel;
import io.widrow.models.LoadedModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelCacheTest {

    /** A linear model with {@code features} weights has features + 1 parameters. */
    private static LoadedModel model(int features) {
        String[] names = Dataset.defaultFeatureNames(features);
        TrainedModel m = new TrainedModel(new ModelSpec("perceptron", "none", false, List.of(), null, 0),
                Dataset.Task.CLASSIFICATION, names, new String[] {"0", "1"}, 1, null, null,
                new LinearWeights(new float[features], 0, 0));
        return new LoadedModel(UUID.randomUUID(), "alice", m);
    }

    @Test
    void evictsLeastRecentlyUsedBeyondTheCount() {
        ModelCache cache = new ModelCache(new ModelsProperties(2, 1_000_000));
        LoadedModel a = model(1);
        LoadedModel b = model(1);
        LoadedModel c = model(1);
        cache.get(a.id(), () -> a);
        cache.get(b.id(), () -> b);
        cache.get(a.id(), () -> { throw new AssertionError("a is cached"); });
        cache.get(c.id(), () -> c);
        assertThat(cache.contains(a.id())).isTrue();
        assertThat(cache.contains(b.id())).isFalse();
        assertThat(cache.contains(c.id())).isTrue();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void evictsBeyondTheParameterBudgetAndSkipsModelsLargerThanIt() {
        ModelCache cache = new ModelCache(new ModelsProperties(10, 100));
        LoadedModel small = model(39);
        LoadedModel medium = model(49);
        LoadedModel large = model(29);
        LoadedModel huge = model(200);
        cache.get(small.id(), () -> small);
        cache.get(medium.id(), () -> medium);
        assertThat(cache.parameters()).isEqualTo(90);
        cache.get(large.id(), () -> large);
        assertThat(cache.contains(small.id())).isFalse();
        assertThat(cache.parameters()).isEqualTo(80);
        assertThat(cache.get(huge.id(), () -> huge)).isSameAs(huge);
        assertThat(cache.contains(huge.id())).isFalse();
        assertThat(cache.size()).isEqualTo(2);
        cache.evict(medium.id());
        assertThat(cache.parameters()).isEqualTo(30);
    }

    @Test
    void concurrentMissesShareOneLoadAndFailuresAreNotCached() throws Exception {
        ModelCache cache = new ModelCache(new ModelsProperties(4, 1_000_000));
        LoadedModel m = model(3);
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<LoadedModel>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> cache.get(m.id(), () -> {
                    loads.incrementAndGet();
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return m;
                })));
            }
            Thread.sleep(100);
            release.countDown();
            for (Future<LoadedModel> f : results) {
                assertThat(f.get(5, TimeUnit.SECONDS)).isSameAs(m);
            }
            assertThat(loads.get()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        UUID broken = UUID.randomUUID();
        assertThatThrownBy(() -> cache.get(broken, () -> { throw new IllegalArgumentException("damaged"); }))
                .hasMessage("damaged");
        LoadedModel fixed = model(1);
        assertThat(cache.get(broken, () -> fixed)).isSameAs(fixed);
    }
}
