package io.widrow.jobs.internal;

import java.util.UUID;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;

/**
 * What a Quartz worker runs. Holds no state: everything comes from the job row, so a re-fired or recovered
 * trigger is harmless (the runner decides from the row whether there is anything left to do).
 */
class TrainingJob implements Job {
    private final JobRunner runner;

    TrainingJob(JobRunner runner) {
        this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) {
        UUID id = UUID.fromString(context.getMergedJobDataMap().getString(JobQueue.JOB_ID));
        runner.run(id, context.isRecovering(), node(context));
    }

    private static String node(JobExecutionContext context) {
        try {
            return context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "unknown";
        }
    }
}
