package io.swarmgrid.benchmarks;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.client.learning.LearningClient;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.deploy.local.LocalCluster;
import io.swarmgrid.ml.learning.AggregationRule;
import io.swarmgrid.ml.learning.FashionMnist;
import io.swarmgrid.ml.learning.ModelShape;
import io.swarmgrid.ml.learning.PoisonAttack;
import io.swarmgrid.ml.learning.SgdOptions;
import io.swarmgrid.ml.learning.SoftmaxRegression;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.learning.LearningEngine;
import io.swarmgrid.storage.learning.JobState;
import io.swarmgrid.storage.learning.LearningJob;
import io.swarmgrid.storage.learning.RoundReport;
import io.swarmgrid.storage.learning.SignedUpdate;
import io.swarmgrid.storage.reputation.Reputation;
import io.swarmgrid.tasks.learning.TrainingJobSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ./swarmgrid bench learning}: Fashion-MNIST on 3 members with consensus, fault and learning
 * engines; 10 participants (one per shard). The same softmax regression trained centrally in this
 * process; then jobs with 0% attackers (mean) and 30% sign flippers and label flippers under mean,
 * median, trimmed mean and Krum; quarantined attackers and honest participants at the end; round
 * time, updates per second, and the aggregation of 10 updates beside a raw {@code getAll} of them.
 * {@code --data DIR} reads the full set (default Debian's path); {@code --quick} the subset in
 * {@code deploy/samples/fashion-mnist}.
 */
final class LearningBench {
  private static final int PARTICIPANTS = 10;
  private static final int ATTACKERS = 3;
  // Averaging ten models each trained one epoch at the central rate takes a tenth of the central
  // steps: 2 local epochs at 0.1 reached 0.835 after 8 rounds in-process, 1 at 0.05 only 0.80.
  private static final int LOCAL_EPOCHS = 2;
  private static final double LOCAL_RATE = 0.1;

  private LearningBench() {}

  static String run(boolean quick, Path data) throws Exception {
    Path dir = quick ? FashionMnist.SAMPLE_PATH : data;
    FashionMnist.Split split = FashionMnist.load(dir);
    int rounds = quick ? 6 : 8;
    SoftmaxRegression central = new SoftmaxRegression(ModelShape.FASHION_MNIST);
    double[] w =
        central.train(central.initial(), split.train(), SgdOptions.ofDefaults().withEpochs(rounds));
    double centralAcc = central.accuracy(w, split.test());
    System.out.printf(Locale.ROOT, "central, %d epochs: accuracy %.3f%n", rounds, centralAcc);
    String name = "swarmgrid-bench-learning";
    Map<String, String> out = new LinkedHashMap<>();
    try (LocalCluster cluster = LocalCluster.start(name, 8500, 3, LearningBench::memberConfig);
        SwarmClient client =
            SwarmClient.connect(
                SwarmClientConfig.of(name, cluster.addresses().toArray(String[]::new)))) {
      for (HazelcastInstance m : cluster.members()) {
        while (SwarmGrid.service(m, LearningEngine.class).isEmpty()) {
          LockSupport.parkNanos(50_000_000L);
        }
      }
      LearningClient learning = client.learning();
      learning.loadData("bench-train", split.train(), PARTICIPANTS);
      learning.loadData("bench-test", split.test(), 1);
      out.put("central_acc", f3(centralAcc));
      List<RoundReport> clean = job(learning, AggregationRule.MEAN, 0, PoisonAttack.NONE, rounds);
      double distributed = last(clean);
      out.put("distributed_acc", f3(distributed));
      out.put("gap_pts", String.format(Locale.ROOT, "%.1f", 100 * (centralAcc - distributed)));
      for (PoisonAttack attack : List.of(PoisonAttack.SIGN_FLIP, PoisonAttack.LABEL_FLIP)) {
        String suffix = attack == PoisonAttack.SIGN_FLIP ? "_acc_30" : "_lf30";
        out.put("mean" + suffix, f3(last(job(learning, AggregationRule.MEAN, 0, attack, rounds))));
        out.put(
            "median" + suffix,
            f3(last(job(learning, AggregationRule.MEDIAN, ATTACKERS, attack, rounds))));
        out.put(
            "trimmed" + suffix,
            f3(last(job(learning, AggregationRule.TRIMMED_MEAN, ATTACKERS, attack, rounds))));
        out.put(
            "krum" + suffix,
            f3(last(job(learning, AggregationRule.MULTI_KRUM, ATTACKERS, attack, rounds))));
      }
      // Last: sign flippers under the median with evidence on, long enough for five offences.
      job(learning, AggregationRule.MEDIAN, ATTACKERS, PoisonAttack.SIGN_FLIP, 7, 2);
      Set<String> attackers = new HashSet<>();
      Set<String> honest = new HashSet<>();
      for (Reputation r : client.fault().quarantined()) {
        String id = r.nodeId();
        int shard = Integer.parseInt(id.substring(id.lastIndexOf(".p") + 2));
        (shard < ATTACKERS ? attackers : honest).add(id);
      }
      out.put("attackers_quarantined", attackers.size() + "/" + ATTACKERS);
      out.put("honest_quarantined", Integer.toString(honest.size()));
      double roundMs = clean.stream().mapToLong(RoundReport::roundMillis).average().orElse(0);
      out.put("round_ms", String.format(Locale.ROOT, "%.0f", roundMs));
      out.put("updates_per_s", String.format(Locale.ROOT, "%.1f", PARTICIPANTS * 1000.0 / roundMs));
      double aggMs =
          clean.stream()
                  .mapToLong(RoundReport::aggregateMicros)
                  .sorted()
                  .skip(clean.size() / 2)
                  .findFirst()
                  .orElse(0)
              / 1000.0;
      out.put("agg_ms", String.format(Locale.ROOT, "%.2f", aggMs));
      out.put("getall_ms", String.format(Locale.ROOT, "%.2f", rawGetAll(cluster.members().get(0))));
      out.put("rounds", Integer.toString(rounds));
      out.put("train", Integer.toString(split.train().count()));
    }
    StringBuilder line = new StringBuilder("BENCH learning");
    out.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
    return line.toString();
  }

  private static List<RoundReport> job(
      LearningClient learning, AggregationRule rule, int f, PoisonAttack attack, int rounds) {
    return job(learning, rule, f, attack, rounds, 0);
  }

  /**
   * One job; {@code outlierFactor} 0 files no evidence, so that a job's attackers are not already
   * quarantined by an earlier job (reputation outlives jobs) and each rule is measured alone.
   */
  private static List<RoundReport> job(
      LearningClient learning,
      AggregationRule rule,
      int f,
      PoisonAttack attack,
      int rounds,
      double outlierFactor) {
    int attackers = attack == PoisonAttack.NONE ? 0 : ATTACKERS;
    String id =
        learning.start(
            TrainingJobSpec.builder("bench-train", "bench-test")
                .rule(rule)
                .faulty(f)
                .rounds(rounds)
                .epochs(LOCAL_EPOCHS)
                .learningRate(LOCAL_RATE)
                .attack(attack, attackers, 4)
                .outlierFactor(outlierFactor)
                .build());
    LearningJob job = learning.await(id, Duration.ofMinutes(30));
    if (job.state() != JobState.DONE) {
      throw new IllegalStateException(
          "job "
              + id
              + " ("
              + rule
              + ", "
              + attack
              + ") ended "
              + job.state()
              + ": "
              + job.message());
    }
    List<RoundReport> reports = learning.progress(id);
    System.out.printf(
        Locale.ROOT,
        "%-12s %-10s accuracy by round %s%n",
        rule,
        attack,
        reports.stream().map(r -> f3(r.accuracy())).toList());
    return reports;
  }

  /** Median time of a raw getAll of 10 updates of the model's size from a member, in ms. */
  private static double rawGetAll(HazelcastInstance member) {
    IMap<String, SignedUpdate> map = member.getMap("bench.learning.raw");
    Random r = new Random(1);
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < PARTICIPANTS; i++) {
      double[] w = new double[ModelShape.FASHION_MNIST.size()];
      for (int j = 0; j < w.length; j++) {
        w[j] = r.nextGaussian();
      }
      map.put("u" + i, new SignedUpdate("raw", 1, 1, "p" + i, 1000, w, new byte[64]));
      keys.add("u" + i);
    }
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      long t = System.nanoTime();
      map.getAll(keys);
      times.add(System.nanoTime() - t);
    }
    long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
    return sorted[sorted.length / 2] / 1e6;
  }

  private static double last(List<RoundReport> reports) {
    return reports.get(reports.size() - 1).accuracy();
  }

  private static String f3(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private static SwarmGridConfig memberConfig(int i) {
    return SwarmGridConfig.custom()
        .node(
            NodeConfig.custom()
                .id("ln-" + i)
                .keyFile(".swarmgrid/bench-keys/{node-id}.key")
                .build())
        .engines(
            EnginesConfig.of(
                EnumSet.of(EngineKind.CONSENSUS, EngineKind.FAULT, EngineKind.LEARNING)))
        .build();
  }
}
