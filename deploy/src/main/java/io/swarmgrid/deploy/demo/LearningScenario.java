package io.swarmgrid.deploy.demo;

import io.swarmgrid.client.learning.LearningClient;
import io.swarmgrid.ml.learning.AggregationRule;
import io.swarmgrid.ml.learning.FashionMnist;
import io.swarmgrid.ml.learning.PoisonAttack;
import io.swarmgrid.storage.learning.LearningJob;
import io.swarmgrid.storage.learning.RoundReport;
import io.swarmgrid.tasks.learning.TrainingJobSpec;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Six rounds of Fashion-MNIST on the sample subset, ten participants (one per shard) of which one
 * flips the sign of its update: the median keeps learning, the flipper is filed as evidence every
 * round and quarantined.
 */
final class LearningScenario implements Scenario {
  @Override
  public String title(DemoContext demo) {
    return "Learning: 10 participants train next to their data; a poisoned one is caught";
  }

  @Override
  public void run(DemoContext demo) throws Exception {
    PrintStream out = demo.out();
    FashionMnist.Split data = FashionMnist.load(demo.data().resolveSibling("fashion-mnist"));
    LearningClient learning = demo.client().learning();
    learning.loadData("demo-fm-train", data.train(), 10);
    learning.loadData("demo-fm-test", data.test(), 1);
    String id =
        learning.start(
            TrainingJobSpec.builder("demo-fm-train", "demo-fm-test")
                .rule(AggregationRule.MEDIAN)
                .faulty(2)
                .rounds(6)
                .attack(PoisonAttack.SIGN_FLIP, 1, 4)
                .build());
    LearningJob job = learning.await(id, Duration.ofMinutes(5));
    out.printf(
        "job %s: %s, %d rounds, median (tolerates 2 of 10), shard 0's participant flips its update%n",
        id, job.state(), job.completedRounds());
    for (RoundReport r : learning.progress(id)) {
      out.printf(
          "  round %d: accuracy %.3f, %d accepted, outliers %s, rejected %s, %d ms%n",
          r.round(),
          r.accuracy(),
          r.accepted().size(),
          r.outliers(),
          r.rejected(),
          r.roundMillis());
    }
    learning
        .model(id)
        .ifPresent(
            m ->
                out.printf(
                    "model v%d in swarm.models: accuracy %.3f, promoted by %s%n",
                    m.version(),
                    m.accuracy(),
                    m.proposalId().isEmpty() ? "the job's member" : "consensus " + m.proposalId()));
  }
}
