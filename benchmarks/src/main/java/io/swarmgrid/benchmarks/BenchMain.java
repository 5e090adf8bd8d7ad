package io.swarmgrid.benchmarks;

/**
 * {@code ./swarmgrid bench NAME [--quick]}. Each benchmark measures a SwarmGrid operation beside
 * the raw Hazelcast operation it builds on, in the same run, and prints as its last line {@code
 * BENCH NAME key=value ...} (see DESIGN.md). {@code --quick} ends within a minute on 2 cores.
 */
public final class BenchMain {
  private BenchMain() {}

  /** Runs one benchmark. */
  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args[0].startsWith("-")) {
      usage("name a benchmark");
    }
    boolean quick = false;
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--quick")) {
        quick = true;
      } else {
        usage("unknown option '" + args[i] + "'");
      }
    }
    String line =
        switch (args[0]) {
          case "registry" -> RegistryBench.run(quick);
          case "messaging" -> MessagingBench.run(quick);
          case "consensus" -> ConsensusBench.run(quick);
          case "recovery" -> RecoveryBench.run(quick);
          case "replication" -> ReplicationBench.run(quick);
          case "diffusion" -> DiffusionBench.run(quick);
          case "assignment" -> AssignmentBench.run(quick);
          case "balance-quality" -> BalanceQualityBench.run(quick);
          case "workloads" -> WorkloadsBench.run(quick);
          case "swarm" -> SwarmBench.run(quick);
          default -> {
            usage("unknown benchmark '" + args[0] + "'");
            yield "";
          }
        };
    System.out.println(line);
    System.exit(0);
  }

  private static void usage(String problem) {
    System.err.println(
        "swarmgrid bench: "
            + problem
            + "; usage: swarmgrid bench NAME [--quick]; benchmarks: registry, messaging, consensus, recovery, replication, diffusion, assignment, balance-quality, workloads, swarm");
    System.exit(2);
  }
}
