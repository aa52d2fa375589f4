package io.widrow.jobs.internal;

enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
