package io.widrow.system.internal;

import io.widrow.engine.model.Warmup;
import io.widrow.engine.tensor.Gemm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Starts the engine's GEMM threads on the startup thread. Linux threads inherit their creator's nice
 * value, so if a (niced) training thread were the first to multiply, the shared workers would be niced for
 * the request threads' predictions too; and the log says at once which kernels this node runs.
 *
 * <p>Then it warms the JIT on a background thread (see {@link Warmup}) until the per-batch methods have
 * been called often enough for C2, at most {@code widrow.engine.warmup-seconds}: cold, the first job's
 * first epoch ran 3–4 times slower than the rest while the vector kernels were still interpreted and then
 * compiled, and after a fixed 3 s warm-up its first epochs still lost 0.2–0.6 s each to the compiler.
 * The node serves requests meanwhile.
 */
@Component
class EngineStartup implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(EngineStartup.class);

    private final double warmupSeconds;
    private volatile Thread warmup;

    EngineStartup(@Value("${widrow.engine.warmup-seconds:10}") double warmupSeconds) {
        this.warmupSeconds = warmupSeconds;
    }

    @Override
    public void run(ApplicationArguments args) {
        log.info("Engine matrix kernels: {}", Gemm.implementation());
        if (warmupSeconds <= 0) {
            return;
        }
        Thread t = new Thread(this::warmUp, "widrow-engine-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        warmup = t;
        t.start();
    }

    private void warmUp() {
        long t0 = System.nanoTime();
        try {
            int epochs = Warmup.run(0, (long) (warmupSeconds * 1000), 100_000);
            log.info("Engine JIT warm-up: {} epochs of a small network in {} ms", epochs, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException | Error e) {
            // Only speed is at stake: training works cold.
            log.warn("Engine JIT warm-up failed; the first job will run cold", e);
        }
    }

    /** The warm-up thread, or null when disabled; for tests. */
    Thread warmupThread() {
        return warmup;
    }
}
