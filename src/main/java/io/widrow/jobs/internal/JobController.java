package io.widrow.jobs.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.widrow.security.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Jobs", description = "Queue training runs, follow their progress, cancel them")
class JobController {

    private final JobService jobs;
    private final JobEvents events;

    JobController(JobService jobs, JobEvents events) {
        this.jobs = jobs;
        this.events = events;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Queue a training job (202); only datasetId is required, every default is written into the returned spec")
    ResponseEntity<JobViews.JobView> submit(@RequestBody(required = false) JobSpec spec,
                                            @AuthenticationPrincipal Caller caller) {
        JobViews.JobView job = jobs.submit(spec, caller);
        return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + job.id())).body(job);
    }

    @GetMapping
    @Operation(summary = "List jobs, newest first (page is 0-based); admins see every owner's jobs")
    JobViews.PageView<JobViews.JobView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                                             @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                             @Parameter(description = "QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED")
                                             @RequestParam(required = false) String status,
                                             @AuthenticationPrincipal Caller caller) {
        return jobs.list(caller, status, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A job with its progress, latest epoch metrics, model id or error")
    JobViews.JobView get(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return jobs.get(id, caller);
    }

    @GetMapping("/{id}/metrics")
    @Operation(summary = "Metrics of every finished epoch, in order (values that do not apply are null)")
    List<JobViews.MetricsView> metrics(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return jobs.metrics(id, caller);
    }

    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events: 'epoch' per finished epoch (finished ones replayed first) and "
            + "'status' with the job on every status change; the stream ends after the final status")
    SseEmitter events(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        jobs.visible(id, caller);
        // The completing ASYNC re-dispatch is permitted by the security chain itself (SecurityConfig).
        return events.subscribe(id);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a job (202): a queued job at once, a running one within a batch; 409 once finished")
    ResponseEntity<JobViews.JobView> cancel(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return ResponseEntity.accepted().body(jobs.cancel(id, caller));
    }
}
