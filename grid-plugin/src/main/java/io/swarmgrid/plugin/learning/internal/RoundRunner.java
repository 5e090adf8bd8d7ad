package io.swarmgrid.plugin.learning.internal;

import com.hazelcast.cluster.Member;
import io.swarmgrid.ml.learning.Aggregate;
import io.swarmgrid.ml.learning.AggregationSpec;
import io.swarmgrid.ml.learning.Aggregator;
import io.swarmgrid.ml.learning.LabelledImages;
import io.swarmgrid.ml.learning.ModelShape;
import io.swarmgrid.ml.learning.SoftmaxRegression;
import io.swarmgrid.storage.learning.LearningJob;
import io.swarmgrid.storage.learning.LearningStore;
import io.swarmgrid.storage.learning.ModelVersion;
import io.swarmgrid.storage.learning.RoundReport;
import io.swarmgrid.storage.learning.SignedUpdate;
import io.swarmgrid.storage.learning.TrainingShard;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one attempt of a job's next round: starts the attempt (a compare-and-set on the job), has
 * every member train its shards, checks and aggregates exactly the updates of this attempt, decides
 * promotion, and then records the report, the version and the job's progress. Only updates keyed by
 * this attempt count, and the job moves on by compare-and-set: a retried or doubly driven round
 * never counts an update twice.
 */
final class RoundRunner {
  private final LearningContext ctx;
  private final LearningStore store;
  private final UpdateChecks checks;
  private final OutlierEvidence outliers;
  private final Promotion promotion;
  private final Map<String, LabelledImages> testSets = new HashMap<>();

  RoundRunner(LearningContext ctx) {
    this.ctx = ctx;
    this.store = ctx.store();
    this.checks = new UpdateChecks(ctx);
    this.outliers = new OutlierEvidence(ctx);
    this.promotion = new Promotion(ctx);
  }

  /**
   * Runs the next round of {@code job} as it is stored.
   *
   * @return false if the job changed under this driver (another driver moved it; re-read it)
   * @throws RetryRound if the attempt cannot complete and a new one must run
   * @throws IllegalArgumentException if the round can never complete (the rule cannot tolerate f)
   */
  boolean run(LearningJob job) {
    long started = System.nanoTime();
    int round = job.completedRounds() + 1;
    var done = store.report(job.jobId(), round);
    if (done.isPresent()) {
      // A previous driver recorded the round but died before moving the job on: adopt its result.
      int v = done.get().version() == 0 ? job.currentVersion() : done.get().version();
      return store.replaceJob(job, job.withRound(round, v));
    }
    LearningJob attemptJob = job.withAttempt(job.attempt() + 1);
    if (!store.replaceJob(job, attemptJob)) {
      return false;
    }
    int attempt = attemptJob.attempt();
    List<TrainingShard> tests = store.shards(job.testName());
    if (tests.isEmpty()) {
      throw new IllegalArgumentException("testName: no shards of '" + job.testName() + "'");
    }
    ModelShape shape = JobModels.shape(tests.get(0));
    AggregationSpec spec = JobModels.spec(job);
    int shards = store.shardCount(job.dataName());
    trainEverywhere(job.jobId(), round, attempt);
    List<SignedUpdate> updates = store.updates(job.jobId(), round, attempt);
    if (updates.size() < shards) {
      throw new RetryRound(
          updates.size() + " of " + shards + " shards trained in attempt " + attempt, null);
    }
    UpdateChecks.Checked checked = checks.check(updates, shape);
    // Refused updates come from faulty participants: at most f - refused faulty ones remain.
    spec = spec.withFaulty(Math.max(0, spec.faulty() - checked.rejected().size()));
    spec.checkTolerates(checked.accepted().size());
    long aggStart = System.nanoTime();
    Aggregate aggregate = Aggregator.aggregate(shape, spec, checked.accepted());
    long aggregateMicros = (System.nanoTime() - aggStart) / 1000;
    SoftmaxRegression model = new SoftmaxRegression(shape);
    LabelledImages test = testSets.computeIfAbsent(job.testName(), n -> JobModels.concat(tests));
    double accuracy = model.accuracy(aggregate.weights(), test);
    double current =
        job.currentVersion() == 0
            ? 0
            : store
                .version(job.jobId(), job.currentVersion())
                .map(ModelVersion::accuracy)
                .orElse(0.0);
    List<String> far = outliersOf(aggregate, job.outlierFactor());
    Promotion.Verdict verdict =
        promotion.decide(
            job.jobId(),
            round,
            attempt,
            accuracy,
            current,
            new double[] {checked.accepted().size(), checked.rejected().size(), far.size()});
    int version = 0;
    if (verdict.promoted()) {
      version =
          store.versions(job.jobId()).stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
      ModelVersion mv =
          new ModelVersion(
              job.jobId(),
              version,
              round,
              shape.features(),
              shape.classes(),
              aggregate.weights(),
              accuracy,
              job.rule(),
              checked.accepted().size(),
              checked.rejected().size(),
              verdict.proposalId(),
              System.currentTimeMillis());
      if (!store.putVersion(mv)) {
        throw new RetryRound("model version " + version + " of " + job.jobId() + " exists", null);
      }
    }
    RoundReport report =
        new RoundReport(
            job.jobId(),
            round,
            attempt,
            checked.accepted().stream().map(u -> u.participant()).toList(),
            checked.rejected(),
            far,
            accuracy,
            version,
            (System.nanoTime() - started) / 1_000_000,
            aggregateMicros);
    if (!store.putReport(report)) {
      return false;
    }
    // Evidence and clean-up come before the job moves on, so whoever sees the round done also sees
    // its outliers filed and its updates gone. A driver dying here leaves the report, which the
    // next driver adopts; filing is keyed by round, so filing again changes nothing.
    Map<String, SignedUpdate> byParticipant = new HashMap<>();
    updates.forEach(u -> byParticipant.put(u.participant(), u));
    outliers.file(report, byParticipant);
    store.removeUpdates(job.jobId(), round);
    if (!store.replaceJob(
        attemptJob, attemptJob.withRound(round, version == 0 ? job.currentVersion() : version))) {
      return false;
    }
    ctx.metrics()
        .round(
            checked.accepted().size(), checked.rejected().size(), far.size(), report.roundMillis());
    return true;
  }

  private void trainEverywhere(String jobId, int round, int attempt) {
    Map<Member, Future<Integer>> calls =
        ctx.executor().submitToAllMembers(new TrainTask(jobId, round, attempt));
    for (Map.Entry<Member, Future<Integer>> c : calls.entrySet()) {
      try {
        c.getValue().get(ctx.config().trainTimeoutSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RetryRound("interrupted while member " + c.getKey() + " trained", e);
      } catch (ExecutionException | TimeoutException e) {
        throw new RetryRound("member " + c.getKey() + " did not train: " + e.getMessage(), e);
      }
    }
  }

  /** Participants further than {@code factor} times the median distance from the aggregate. */
  static List<String> outliersOf(Aggregate aggregate, double factor) {
    if (factor <= 0 || aggregate.distances().size() < 3) {
      return List.of();
    }
    double[] d = aggregate.distances().values().stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(d);
    double median =
        d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
    List<String> far = new ArrayList<>();
    aggregate
        .distances()
        .forEach(
            (p, dist) -> {
              if (dist > factor * median) {
                far.add(p);
              }
            });
    far.sort(null);
    return far;
  }
}
