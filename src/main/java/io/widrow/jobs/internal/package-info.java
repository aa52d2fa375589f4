/** Implementation of the jobs feature: web API, spec mapping, persistence, Quartz execution, SSE and metrics. */
package io.widrow.jobs.internal;
