package io.widrow.jobs.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * Jobs training on this node, each with volatile flags the training thread reads at every batch: cancel (a
 * cancel landed here or {@link RunSync} saw the database flag), suspend (this node is shutting down: save and
 * requeue) and lost (another run owns the job now: stop without writing anything).
 */
@Component
class LocalRuns {
    private final Map<UUID, Run> runs = new ConcurrentHashMap<>();
    private volatile boolean closing;

    static final class Run {
        private final UUID id;
        private final int attempt;
        private final RunJournal journal;
        private volatile boolean cancelled;
        private volatile boolean suspended;
        private volatile boolean lost;

        Run(UUID id, int attempt) {
            this.id = id;
            this.attempt = attempt;
            this.journal = new RunJournal(id, attempt);
        }

        UUID id() {
            return id;
        }

        /** The jobs row's attempt this run started as: the fencing token for every write it makes. */
        int attempt() {
            return attempt;
        }

        RunJournal journal() {
            return journal;
        }

        boolean cancelled() {
            return cancelled;
        }

        void cancel() {
            cancelled = true;
        }

        boolean suspended() {
            return suspended;
        }

        void suspend() {
            suspended = true;
        }

        boolean lost() {
            return lost;
        }

        void lose() {
            lost = true;
        }
    }

    Run start(UUID id, int attempt) {
        Run run = new Run(id, attempt);
        if (closing) {
            // Started while the node shuts down: it saves and goes back to the queue at its first batch.
            run.suspend();
        }
        runs.put(id, run);
        return run;
    }

    void end(UUID id) {
        runs.remove(id);
    }

    void cancel(UUID id) {
        Run run = runs.get(id);
        if (run != null) {
            run.cancel();
        }
    }

    boolean running(UUID id) {
        return runs.containsKey(id);
    }

    Collection<Run> all() {
        return runs.values();
    }

    /** Asks every run, and every run started from now on, to checkpoint and return to the queue. */
    void suspendAll() {
        closing = true;
        runs.values().forEach(Run::suspend);
    }

    /** Whether this node is shutting down: it starts no new run. */
    boolean closing() {
        return closing;
    }

    boolean isEmpty() {
        return runs.isEmpty();
    }

    /** Blocks until no run is left on this node or {@code timeout} passes; true if none is left. */
    boolean awaitEmpty(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!runs.isEmpty()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return true;
    }
}
