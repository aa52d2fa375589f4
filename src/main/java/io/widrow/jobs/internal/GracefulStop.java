package io.widrow.jobs.internal;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On shutdown (SIGTERM closes the context) every run on this node stops at its next batch, saves a checkpoint
 * and goes back to the queue, for another node now or this one after its restart. Its phase stops it after
 * Quartz has gone to standby (no new run starts here) and before the web server shuts down and the data
 * source closes; Spring waits for it up to {@code spring.lifecycle.timeout-per-shutdown-phase}.
 */
@Component
class GracefulStop implements SmartLifecycle {
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;
    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

    private final LocalRuns runs;
    private volatile boolean running;

    GracefulStop(LocalRuns runs) {
        this.runs = runs;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        runs.suspendAll();
        running = false;
    }

    @Override
    public void stop(Runnable callback) {
        runs.suspendAll();
        if (runs.isEmpty()) {
            running = false;
            callback.run();
            return;
        }
        log.info("Shutting down: suspending {} training run(s) at their next batch", runs.all().size());
        Thread waiter = new Thread(() -> {
            try {
                while (!runs.isEmpty()) {
                    TimeUnit.MILLISECONDS.sleep(20);
                }
                log.info("Every training run on this node is checkpointed and back in the queue");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running = false;
                callback.run();
            }
        }, "job-graceful-stop");
        waiter.setDaemon(true);
        waiter.start();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
