package io.swarmgrid.plugin.learning;

import io.swarmgrid.config.EngineKind;
import io.swarmgrid.plugin.engine.SwarmEngine;
import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.plugin.learning.internal.JobDrivers;
import io.swarmgrid.plugin.learning.internal.LearningContext;
import io.swarmgrid.plugin.learning.internal.LocalTrainer;
import io.swarmgrid.plugin.learning.internal.PromotionVote;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.storage.runtime.SwarmServices;
import io.swarmgrid.storage.runtime.SwarmThreads;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Distributed learning on this member: trains the shards it owns when a round asks (see {@link
 * #trainLocal}), votes on promotions, and drives the jobs whose entries it owns (a job whose owner
 * died is picked up by the next owner within {@link #POLL_MILLIS}).
 */
public final class LearningEngine implements SwarmEngine {
  /** How often this member looks for running jobs it owns and does not drive yet. */
  public static final long POLL_MILLIS = 500;

  private LearningContext ctx;
  private LocalTrainer trainer;
  private JobDrivers drivers;
  private ScheduledExecutorService scheduler;

  @Override
  public EngineKind kind() {
    return EngineKind.LEARNING;
  }

  @Override
  public void start(SwarmNode node) {
    ctx = new LearningContext(node);
    trainer = new LocalTrainer(ctx);
    drivers = new JobDrivers(ctx);
    scheduler = SwarmThreads.scheduler("swarmgrid-learning-" + node.hazelcast().getName());
    scheduler.scheduleWithFixedDelay(
        BackgroundFailures.guarded("learning.poll", drivers::poll),
        POLL_MILLIS,
        POLL_MILLIS,
        TimeUnit.MILLISECONDS);
    SwarmServices.of(node.hazelcast()).put(LearningEngine.class, this);
  }

  @Override
  public void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    if (drivers != null) {
      drivers.stop();
    }
  }

  /**
   * Trains every shard of the job's data that this member owns, from the job's current model, and
   * submits one signed update per shard for the round attempt.
   *
   * @return the number of updates submitted
   */
  public int trainLocal(String jobId, int round, int attempt) {
    return trainer.train(jobId, round, attempt);
  }

  /**
   * Votes as this member's node on a model promotion: approve if the candidate's held-out accuracy
   * is not more than {@code swarmgrid.learning.promotion-max-drop} below the current model's.
   *
   * @return whether a vote was cast (false without a consensus engine here)
   */
  public boolean votePromotion(String proposalId, double candidate, double current) {
    return PromotionVote.vote(ctx, proposalId, candidate, current);
  }

  /** Jobs this member drives now. */
  public int drivenJobs() {
    return drivers.running();
  }
}
