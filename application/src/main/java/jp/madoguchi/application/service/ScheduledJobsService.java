package jp.madoguchi.application.service;

import jp.madoguchi.application.port.in.RunScheduledJobUseCase;
import jp.madoguchi.application.port.out.JobLocks;

/** A scheduled round under the job's lock: skipped, not queued, when another server holds it. */
public final class ScheduledJobsService implements RunScheduledJobUseCase {

    private final JobLocks locks;

    public ScheduledJobsService(JobLocks locks) {
        this.locks = locks;
    }

    @Override
    public boolean runAlone(String job, Runnable round) {
        return locks.runAlone(job, round);
    }
}
