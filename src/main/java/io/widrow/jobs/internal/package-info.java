/**
 * Implementation of the jobs feature: web API, spec mapping, persistence, Quartz execution, SSE and metrics, and
 * what keeps a job alive across faults: checkpoints and resumption, fenced writes, suspension on shutdown,
 * retries and the reconciliation of jobs nothing runs any more.
 */
package io.widrow.jobs.internal;
