package io.widrow.jobs.internal;

import java.time.Duration;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import sun.misc.Signal;

/**
 * On shutdown every run on this node stops at its next batch, saves a checkpoint and goes back to the queue, for
 * another node now or this one after its restart. As a lifecycle bean it runs when the context closes, after
 * Quartz has gone to standby (no new run starts here) and before the web server and the data source stop;
 * Spring waits for it up to {@code spring.lifecycle.timeout-per-shutdown-phase}.
 *
 * <p>SIGTERM and SIGINT are caught to do the same first, while the database is certainly open, and only then
 * exit: the embedded H2 database closes itself from its own JVM shutdown hook, which runs at the same time as
 * Spring's and would leave no database to store the checkpoints in.
 */
@Component
class GracefulStop implements SmartLifecycle {
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;
    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

    private final LocalRuns runs;
    private final Scheduler scheduler;
    private final Duration grace;
    private volatile boolean running;
    private volatile boolean signalled;

    GracefulStop(LocalRuns runs, Scheduler scheduler,
                 @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration grace) {
        this.runs = runs;
        this.scheduler = scheduler;
        this.grace = grace;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        suspendAll();
        running = false;
    }

    @Override
    public void stop(Runnable callback) {
        if (!suspendAll()) {
            running = false;
            callback.run();
            return;
        }
        Thread waiter = new Thread(() -> {
            try {
                await();
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

    @EventListener(ApplicationReadyEvent.class)
    void catchStopSignals() {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), this::onSignal);
            } catch (IllegalArgumentException unsupported) {
                log.debug("Cannot handle SIG{} here; shutdown relies on the context closing", name);
            }
        }
    }

    private void onSignal(Signal signal) {
        if (signalled) {
            // Asked twice: stop waiting.
            System.exit(128 + signal.getNumber());
        }
        signalled = true;
        try {
            // As the context close would first: a suspended job must go to another node or the next start,
            // not straight back to this one.
            scheduler.standby();
        } catch (SchedulerException e) {
            log.warn("Could not put the scheduler in standby: {}", e.getMessage());
        }
        if (suspendAll()) {
            await();
        }
        System.exit(128 + signal.getNumber());
    }

    /** Returns whether there are runs to wait for. */
    private boolean suspendAll() {
        runs.suspendAll();
        if (runs.isEmpty()) {
            return false;
        }
        log.info("Shutting down: suspending {} training run(s) at their next batch", runs.all().size());
        return true;
    }

    private void await() {
        try {
            if (runs.awaitEmpty(grace)) {
                log.info("Every training run on this node is checkpointed and back in the queue");
            } else {
                log.warn("Training runs still busy after {}; they will resume from their last periodic checkpoint",
                        grace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
