package io.widrow.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells "the database cannot be reached right now" from every other failure, so the API can answer 503 (try
 * again) instead of 500 and training can wait the outage out instead of failing the job.
 */
public final class DatabaseFailures {
    /** What a client is told while the database is unreachable. */
    public static final String DETAIL = "The database is unreachable at the moment; retry shortly.";
    /** Seconds a client should wait before retrying (the Retry-After header). */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseFailures() {
    }

    /** True if {@code e} or any of its causes says a connection to the database could not be had or was lost. */
    public static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessResourceException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            // SQLSTATE class 08 is "connection exception"; 57P01-57P03 are PostgreSQL shutting down or starting.
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }
}
