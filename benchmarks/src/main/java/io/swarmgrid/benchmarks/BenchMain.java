package io.swarmgrid.benchmarks;

import io.swarmgrid.client.cli.CommandRunner;
import io.swarmgrid.deploy.cluster.StartedCluster;
import java.util.List;

/**
 * The benchmarks by name. Each measures a SwarmGrid operation beside the raw Hazelcast operation it
 * builds on, in the same run, and returns as its last line {@code BENCH NAME key=value ...} (see
 * docs/PERFORMANCE.md); {@code quick} ends within a minute on 2 cores. Run them with {@code
 * ./swarmgrid bench NAME [--quick]} ({@link BenchCommand}); {@link #main} runs the same command,
 * e.g. from an IDE.
 */
public final class BenchMain {
  /** Every benchmark name, in the order the help lists them. */
  public static final List<String> NAMES =
      List.of(
          "registry",
          "messaging",
          "consensus",
          "recovery",
          "replication",
          "diffusion",
          "assignment",
          "balance-quality",
          "workloads",
          "swarm",
          "http",
          "learning",
          "propagation");

  /** The benchmarks that also run against a started cluster of member processes. */
  public static final List<String> EXTERNAL = List.of("registry", "messaging", "consensus");

  private BenchMain() {}

  /** Runs {@code name} (one of {@link #EXTERNAL}) against the started cluster {@code target}. */
  static String run(String name, boolean quick, StartedCluster target) throws Exception {
    return switch (name) {
      case "registry" -> RegistryBench.run(quick, target);
      case "messaging" -> MessagingBench.run(quick, target);
      case "consensus" -> ConsensusBench.run(quick, false, target);
      default ->
          throw new IllegalArgumentException(
              "--cluster-dir: '" + name + "' runs only on members in this process");
    };
  }

  /** Runs the benchmark {@code name} (one of {@link #NAMES}) and returns its BENCH line. */
  static String run(String name, boolean quick) throws Exception {
    return run(name, quick, io.swarmgrid.ml.learning.FashionMnist.DEBIAN_PATH, false);
  }

  /**
   * Runs {@code name}; {@code data} is the data set directory of those that read one; {@code soak}
   * (consensus only) runs its long memory check instead.
   */
  static String run(String name, boolean quick, java.nio.file.Path data, boolean soak)
      throws Exception {
    if (soak && !name.equals("consensus")) {
      throw new IllegalArgumentException(
          "--soak: only the consensus benchmark has a soak run, not '" + name + "'");
    }
    return switch (name) {
      case "registry" -> RegistryBench.run(quick, null);
      case "messaging" -> MessagingBench.run(quick, null);
      case "consensus" -> ConsensusBench.run(quick, soak, null);
      case "recovery" -> RecoveryBench.run(quick);
      case "replication" -> ReplicationBench.run(quick);
      case "diffusion" -> DiffusionBench.run(quick);
      case "assignment" -> AssignmentBench.run(quick);
      case "balance-quality" -> BalanceQualityBench.run(quick);
      case "workloads" -> WorkloadsBench.run(quick);
      case "swarm" -> SwarmBench.run(quick);
      case "http" -> HttpBench.run(quick);
      case "learning" -> LearningBench.run(quick, data);
      case "propagation" -> PropagationBench.run(quick);
      default ->
          throw new IllegalArgumentException(
              "NAME: '" + name + "' is not a benchmark; benchmarks: " + String.join(", ", NAMES));
    };
  }

  /** {@code NAME [--quick]}, as {@code ./swarmgrid bench}. */
  public static void main(String[] args) {
    CommandRunner.exit(new BenchCommand(), args);
  }
}
