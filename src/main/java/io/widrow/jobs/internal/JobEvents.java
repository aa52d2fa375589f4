package io.widrow.jobs.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live job progress over SSE. The stream is fed from the database, not from the training thread, so it works
 * whichever node trains the job: one shared thread polls every {@value #POLL_MILLIS} ms for the jobs that have
 * listeners, sends the epochs each listener has not seen yet, then the status when it changed, and completes
 * the stream after the terminal status.
 */
@Component
class JobEvents implements DisposableBean {
    static final long POLL_MILLIS = 300;
    private static final long HEARTBEAT_NANOS = TimeUnit.SECONDS.toNanos(15);
    private static final Logger log = LoggerFactory.getLogger(JobEvents.class);

    private final JobStore store;
    private final JobPresenter presenter;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "job-events");
        t.setDaemon(true);
        return t;
    });

    JobEvents(JobStore store, JobPresenter presenter) {
        this.store = store;
        this.presenter = presenter;
        poller.scheduleWithFixedDelay(this::pollSafely, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static final class Subscription {
        final UUID jobId;
        final SseEmitter emitter;
        int lastEpoch;
        JobStatus lastStatus;
        long lastSend = System.nanoTime();

        Subscription(UUID jobId, SseEmitter emitter) {
            this.jobId = jobId;
            this.emitter = emitter;
        }
    }

    SseEmitter subscribe(UUID jobId) {
        // No timeout: the stream ends with the job; a gone client is noticed by the heartbeat.
        SseEmitter emitter = new SseEmitter(0L);
        Subscription s = new Subscription(jobId, emitter);
        emitter.onCompletion(() -> subscriptions.remove(s));
        emitter.onTimeout(() -> subscriptions.remove(s));
        emitter.onError(e -> subscriptions.remove(s));
        subscriptions.add(s);
        // Replay right away instead of waiting for the next tick.
        poller.execute(this::pollSafely);
        return emitter;
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("Job event poll failed: {}", e.getMessage());
        }
    }

    private synchronized void poll() {
        if (subscriptions.isEmpty()) {
            return;
        }
        Map<UUID, List<Subscription>> byJob = subscriptions.stream().collect(Collectors.groupingBy(s -> s.jobId));
        for (Map.Entry<UUID, List<Subscription>> e : byJob.entrySet()) {
            // The row first, then the epochs: every epoch committed before a terminal status is then sent before it.
            JobRow job = store.find(e.getKey()).orElse(null);
            for (Subscription s : e.getValue()) {
                if (job == null) {
                    s.emitter.complete();
                    subscriptions.remove(s);
                    continue;
                }
                push(s, job);
            }
        }
    }

    private void push(Subscription s, JobRow job) {
        try {
            for (JobStore.StoredMetrics m : store.metrics(job.id(), s.lastEpoch)) {
                send(s, "epoch", presenter.metrics(m));
                s.lastEpoch = m.epoch();
            }
            if (job.status() != s.lastStatus) {
                send(s, "status", presenter.view(job));
                s.lastStatus = job.status();
            } else if (System.nanoTime() - s.lastSend > HEARTBEAT_NANOS) {
                s.emitter.send(SseEmitter.event().comment("keep-alive"));
                s.lastSend = System.nanoTime();
            }
            if (job.status().terminal()) {
                subscriptions.remove(s);
                s.emitter.complete();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away.
            subscriptions.remove(s);
            s.emitter.completeWithError(e);
        }
    }

    private static void send(Subscription s, String name, Object data) throws IOException {
        s.emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        s.lastSend = System.nanoTime();
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
        for (Subscription s : subscriptions) {
            s.emitter.complete();
        }
        subscriptions.clear();
    }
}
