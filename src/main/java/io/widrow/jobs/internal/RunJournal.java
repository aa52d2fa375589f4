package io.widrow.jobs.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import io.widrow.engine.train.TrainingCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a run has produced but not stored yet: finished epochs and its latest checkpoint. The training thread
 * only adds (never touching the database, so an outage cannot stall it); {@link RunSync} and the runner write.
 * A write is one transaction that first checks the run still owns the job, then stores the epochs, then the
 * checkpoint, so a stored checkpoint at epoch k always has epochs 1..k beside it. During an outage epochs
 * accumulate up to {@link #MAX_PENDING} (then the oldest are dropped) and a newer checkpoint replaces an
 * unwritten one.
 */
final class RunJournal {
    static final int MAX_PENDING = 10_000;
    private static final Logger log = LoggerFactory.getLogger(RunJournal.class);

    private final UUID jobId;
    private final int attempt;
    /** Held for a whole write, so the background flush and the runner's final drain never interleave. */
    private final ReentrantLock writing = new ReentrantLock();
    private final ArrayDeque<Epoch> epochs = new ArrayDeque<>();
    private TrainingCheckpoint checkpoint;
    private String latestJson;
    private Double eta;
    private long dropped;

    /** A finished epoch as it will be stored; the norms already JSON. */
    record Epoch(JobViews.MetricsView view, String gradientNorms, String weightNorms) {
    }

    RunJournal(UUID jobId, int attempt) {
        this.jobId = jobId;
        this.attempt = attempt;
    }

    synchronized void epoch(Epoch e, String latestJson, Double eta) {
        if (epochs.size() >= MAX_PENDING) {
            epochs.pollFirst();
            if (dropped++ == 0) {
                log.warn("Job {}: the database has been unreachable for {} epochs; dropping the oldest unsaved "
                        + "metrics from now on", jobId, MAX_PENDING);
            }
        }
        epochs.addLast(e);
        this.latestJson = latestJson;
        this.eta = eta;
    }

    synchronized void checkpoint(TrainingCheckpoint c) {
        checkpoint = c;
    }

    /** Drops an unwritten checkpoint: the job is failing, so nothing will resume from it. */
    synchronized void discardCheckpoint() {
        checkpoint = null;
    }

    synchronized boolean isEmpty() {
        return epochs.isEmpty() && checkpoint == null;
    }

    /**
     * Writes everything pending in one transaction. Returns false, writing nothing, when the run no longer owns
     * the job. A database failure propagates and leaves everything pending for the next try.
     */
    boolean flush(RunStore runs, JobStore jobs, TransactionTemplate tx) {
        writing.lock();
        try {
            List<Epoch> batch;
            TrainingCheckpoint cp;
            String latest;
            Double etaNow;
            synchronized (this) {
                if (epochs.isEmpty() && checkpoint == null) {
                    return true;
                }
                batch = new ArrayList<>(epochs);
                cp = checkpoint;
                latest = latestJson;
                etaNow = eta;
            }
            Boolean owned = tx.execute(s -> {
                boolean owns = batch.isEmpty() ? runs.claim(jobId, attempt)
                        : runs.advance(jobId, attempt, batch.get(batch.size() - 1).view().epoch(), latest, etaNow);
                if (!owns) {
                    return false;
                }
                for (Epoch e : batch) {
                    jobs.insertEpoch(jobId, e.view(), e.gradientNorms(), e.weightNorms());
                }
                if (cp != null) {
                    runs.saveCheckpoint(jobId, attempt, cp);
                }
                return true;
            });
            if (!Boolean.TRUE.equals(owned)) {
                return false;
            }
            synchronized (this) {
                int last = batch.isEmpty() ? Integer.MIN_VALUE : batch.get(batch.size() - 1).view().epoch();
                while (!epochs.isEmpty() && epochs.peekFirst().view().epoch() <= last) {
                    epochs.pollFirst();
                }
                if (checkpoint == cp) {
                    checkpoint = null;
                }
            }
            return true;
        } finally {
            writing.unlock();
        }
    }
}
