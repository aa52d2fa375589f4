package io.widrow.jobs.internal;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Jobs training on this node, each with a volatile cancel flag: a cancel that lands on the training node
 * stops the run at the next batch without waiting for the database poll.
 */
@Component
class LocalRuns {
    private final Map<UUID, Run> runs = new ConcurrentHashMap<>();

    static final class Run {
        private volatile boolean cancelled;

        boolean cancelled() {
            return cancelled;
        }

        void cancel() {
            cancelled = true;
        }
    }

    Run start(UUID id) {
        Run run = new Run();
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
}
