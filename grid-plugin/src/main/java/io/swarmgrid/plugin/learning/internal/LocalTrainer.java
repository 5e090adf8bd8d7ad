package io.swarmgrid.plugin.learning.internal;

import io.swarmgrid.ml.learning.LabelledImages;
import io.swarmgrid.ml.learning.ModelShape;
import io.swarmgrid.ml.learning.PoisonAttack;
import io.swarmgrid.ml.learning.SgdOptions;
import io.swarmgrid.ml.learning.SoftmaxRegression;
import io.swarmgrid.storage.learning.LearningJob;
import io.swarmgrid.storage.learning.SignedUpdate;
import io.swarmgrid.storage.learning.TrainingShard;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Trains the shards of a job this member owns, each as its own virtual participant, and submits
 * their signed updates. No image leaves the member: only weights do. Participants of shards {@code
 * 0 .. attackers - 1} apply the job's attack (tests and benchmarks); little-is-enough attackers
 * estimate the honest spread from every honest result on their member.
 */
public final class LocalTrainer {
  private final LearningContext ctx;

  /** A trainer for {@code ctx}'s member. */
  public LocalTrainer(LearningContext ctx) {
    this.ctx = ctx;
  }

  /** Trains and submits; returns the updates submitted (a repeated call submits none again). */
  public int train(String jobId, int round, int attempt) {
    LearningJob job =
        ctx.store().job(jobId).orElseThrow(() -> new IllegalArgumentException("no job " + jobId));
    List<TrainingShard> shards = ctx.store().localShards(job.dataName());
    if (shards.isEmpty()) {
      return 0;
    }
    ModelShape shape = JobModels.shape(shards.get(0));
    SoftmaxRegression model = new SoftmaxRegression(shape);
    double[] global = JobModels.current(ctx.store(), job, shape);
    PoisonAttack attack = PoisonAttack.valueOf(job.attack());
    List<double[]> honest = new ArrayList<>();
    List<double[]> trained = new ArrayList<>();
    for (TrainingShard s : shards) {
      boolean attacker = s.shard() < job.attackers();
      SgdOptions options =
          new SgdOptions(
              job.epochs(),
              job.learningRate(),
              job.batchSize(),
              Objects.hash(jobId, round, s.shard()),
              attacker ? attack.labelMap(shape.classes()) : y -> y);
      LabelledImages images = JobModels.images(s);
      double[] w = model.train(global, images, options);
      trained.add(w);
      if (!attacker || attack != PoisonAttack.LABEL_FLIP) {
        honest.add(w);
      }
    }
    int submitted = 0;
    for (int i = 0; i < shards.size(); i++) {
      TrainingShard s = shards.get(i);
      double[] w = trained.get(i);
      if (s.shard() < job.attackers()) {
        Random random = new Random(Objects.hash(jobId, round, s.shard(), "attack"));
        w = attack.poison(global, w, honest, job.attackStrength(), random);
      }
      String participant = ctx.participants().idOf(s.shard());
      byte[] statement = SignedUpdate.statement(jobId, round, attempt, participant, s.count(), w);
      byte[] signature = ctx.participants().keys(s.shard()).sign(statement);
      if (ctx.store()
          .submit(
              s.shard(),
              new SignedUpdate(jobId, round, attempt, participant, s.count(), w, signature))) {
        submitted++;
      }
    }
    ctx.metrics().trained(submitted);
    return submitted;
  }
}
