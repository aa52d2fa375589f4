package io.widrow.jobs.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.widrow.security.Caller;
import io.widrow.system.ApiException;
import io.widrow.system.AuditLog;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Submit, read and cancel jobs on behalf of a caller; another owner's job is reported as not found. */
@Service
class JobService {
    private static final Logger log = LoggerFactory.getLogger(JobService.class);

    private final SpecMapper mapper;
    private final JobLimits limits;
    private final JobStore store;
    private final JobQueue queue;
    private final LocalRuns runs;
    private final JobPresenter presenter;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    JobService(SpecMapper mapper, JobStore store, JobQueue queue, LocalRuns runs, JobPresenter presenter,
               AuditLog audit, TransactionTemplate tx, JobLimits limits) {
        this.mapper = mapper;
        this.limits = limits;
        this.store = store;
        this.queue = queue;
        this.runs = runs;
        this.presenter = presenter;
        this.audit = audit;
        this.tx = tx;
    }

    JobViews.JobView submit(JobSpec spec, Caller caller) {
        SpecMapper.Prepared p = mapper.prepare(spec, caller);
        limits.admit(p, caller);
        UUID id = UUID.randomUUID();
        JobSpec n = p.spec();
        JobRow row = new JobRow(id, caller.ownerId(), p.datasetId(), p.validationDatasetId(), JobStatus.QUEUED,
                n.priority(), n.maxRuntimeSeconds(), n.training().epochs(), 0, null, null, null, null, null, 0, false,
                Instant.now(), null, null, presenter.write(n), null);
        tx.executeWithoutResult(s -> {
            store.insert(row);
            audit.record(caller.ownerId(), "create", "job", id.toString());
        });
        // After commit, so the worker that Quartz wakes can already see the row.
        try {
            queue.enqueue(id, n.priority());
        } catch (SchedulerException | RuntimeException e) {
            log.error("Could not schedule job {}", id, e);
            tx.executeWithoutResult(s -> store.cancelQueued(id, Instant.now()));
            throw new ApiException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable",
                    "The job could not be queued; it has been cancelled. Try again later.");
        }
        return get(id, caller);
    }

    JobViews.JobView get(UUID id, Caller caller) {
        return presenter.view(visible(id, caller));
    }

    JobRow visible(UUID id, Caller caller) {
        return store.find(id).filter(j -> caller.canAccess(j.ownerId()))
                .orElseThrow(() -> ApiException.notFound("Job " + id + " not found."));
    }

    JobViews.PageView<JobViews.JobView> list(Caller caller, String status, int page, int size) {
        JobStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = JobStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("Unknown status '" + status + "'.", List.of(new ApiException.FieldProblem(
                        "status", "must be one of " + List.of(JobStatus.values()) + ", got '" + status + "'")));
            }
        }
        String owner = caller.admin() ? null : caller.ownerId();
        List<JobViews.JobView> items = store.page(owner, s, page, size).stream().map(presenter::view).toList();
        return new JobViews.PageView<>(items, page, size, store.count(owner, s));
    }

    List<JobViews.MetricsView> metrics(UUID id, Caller caller) {
        visible(id, caller);
        return store.metrics(id, 0).stream().map(presenter::metrics).toList();
    }

    JobViews.JobView cancel(UUID id, Caller caller) {
        JobRow job = visible(id, caller);
        if (job.status().terminal()) {
            throw ApiException.conflict("Job " + id + " is already " + job.status() + ".");
        }
        Boolean queued = tx.execute(s -> {
            boolean q = store.cancelQueued(id, Instant.now());
            boolean r = !q && store.requestCancel(id);
            if (q || r) {
                audit.record(caller.ownerId(), "cancel", "job", id.toString());
            }
            return q ? Boolean.TRUE : r ? Boolean.FALSE : null;
        });
        if (queued == null) {
            // It finished between the read and the update.
            throw ApiException.conflict("Job " + id + " has already finished.");
        }
        if (queued) {
            queue.remove(id);
        } else {
            runs.cancel(id);
        }
        return get(id, caller);
    }
}
