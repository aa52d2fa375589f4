package io.widrow.jobs.internal;

import java.time.Duration;
import java.util.function.Supplier;

import io.widrow.system.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits out a database outage for the writes that end a run (its last epochs, the model, the final status):
 * hours of training must not be thrown away because the database blinked at the wrong moment.
 */
final class Outages {
    private static final Logger log = LoggerFactory.getLogger(Outages.class);
    private static final long FIRST_PAUSE_MILLIS = 200;
    private static final long MAX_PAUSE_MILLIS = 5_000;

    private Outages() {
    }

    /**
     * Runs {@code action}, repeating it with growing pauses while the database is unreachable, for at most
     * {@code patience}; any other failure, or the last outage failure, propagates.
     */
    static <T> T waitOut(Supplier<T> action, Duration patience, String what) {
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (!DatabaseFailures.isUnavailable(e) || System.nanoTime() + pause * 1_000_000 - deadline > 0) {
                    throw e;
                }
                log.warn("Database unreachable while trying to {}; trying again in {} ms", what, pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
            }
        }
    }
}
