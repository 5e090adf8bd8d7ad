package io.swarmgrid.plugin.learning.internal;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.storage.learning.JobState;
import io.swarmgrid.storage.learning.LearningJob;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.storage.runtime.SwarmThreads;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the running jobs whose entries this member owns, one thread per job: round after round
 * until done, failed, or the entry moves to another member (which then drives it). A round that
 * cannot complete is retried with a new attempt once the cluster is safe again, up to {@code
 * swarmgrid.learning.max-round-attempts} attempts.
 */
public final class JobDrivers {
  private static final Logger LOG = LoggerFactory.getLogger(JobDrivers.class);

  private final LearningContext ctx;
  private final ExecutorService pool;
  private final Map<String, Future<?>> driven = new ConcurrentHashMap<>();

  /** Drivers of {@code ctx}'s member. */
  public JobDrivers(LearningContext ctx) {
    this.ctx = ctx;
    this.pool = SwarmThreads.pool("swarmgrid-learning-jobs-" + ctx.hz().getName(), 4);
  }

  /** Starts a driver for each owned running job that has none. */
  public void poll() {
    driven.values().removeIf(Future::isDone);
    for (LearningJob job : ctx.store().localRunningJobs()) {
      driven.computeIfAbsent(job.jobId(), id -> pool.submit(() -> drive(id)));
    }
  }

  /** Jobs driven now. */
  public int running() {
    driven.values().removeIf(Future::isDone);
    return driven.size();
  }

  /** Stops every driver. */
  public void stop() {
    pool.shutdownNow();
  }

  private void drive(String jobId) {
    RoundRunner runner = new RoundRunner(ctx);
    int retries = 0;
    while (!Thread.currentThread().isInterrupted() && ctx.hz().getLifecycleService().isRunning()) {
      Optional<LearningJob> job = ctx.store().job(jobId);
      if (job.isEmpty() || job.get().state() != JobState.RUNNING || !owned(jobId)) {
        return;
      }
      try {
        if (runner.run(job.get())) {
          retries = 0;
        }
      } catch (RetryRound e) {
        if (++retries >= ctx.config().maxRoundAttempts()) {
          fail(jobId, "round failed " + retries + " times: " + e.getMessage());
          return;
        }
        ctx.metrics().retried();
        LOG.warn(
            "learning: round {} of {} is retried: {}",
            job.get().completedRounds() + 1,
            jobId,
            e.getMessage());
        awaitSafe();
      } catch (IllegalArgumentException e) {
        LOG.warn("learning: job {} failed: {}", jobId, e.getMessage());
        fail(jobId, e.getMessage());
        return;
      } catch (RuntimeException e) {
        if (!ctx.hz().getLifecycleService().isRunning()) {
          return;
        }
        BackgroundFailures.report("learning.job", jobId, e);
        if (++retries >= ctx.config().maxRoundAttempts()) {
          fail(jobId, "round failed " + retries + " times: " + e);
          return;
        }
        awaitSafe();
      }
    }
  }

  private void fail(String jobId, String why) {
    while (true) {
      Optional<LearningJob> job = ctx.store().job(jobId);
      if (job.isEmpty()
          || job.get().state() != JobState.RUNNING
          || ctx.store().replaceJob(job.get(), job.get().failed(why))) {
        return;
      }
    }
  }

  private boolean owned(String jobId) {
    HazelcastInstance hz = ctx.hz();
    var owner = hz.getPartitionService().getPartition(jobId).getOwner();
    return owner != null && owner.localMember();
  }

  private void awaitSafe() {
    try {
      // Partitions of a lost member migrate first; training before that would miss shards again.
      for (int i = 0; i < 600 && !ctx.hz().getPartitionService().isClusterSafe(); i++) {
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
