package io.swarmgrid.benchmarks;

import io.swarmgrid.client.cli.LogDefaults;
import io.swarmgrid.deploy.cluster.StartedCluster;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code swarmgrid bench NAME [--quick] [--soak]}: one benchmark beside raw Hazelcast. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "One benchmark in this process, beside the raw Hazelcast operation it builds on.",
      "The last line is BENCH NAME key=value ... (figures: docs/PERFORMANCE.md)."
    })
public final class BenchCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "NAME",
      completionCandidates = Names.class,
      description = "One of: ${COMPLETION-CANDIDATES}.")
  String name;

  @Option(names = "--quick", description = "A short run (within a minute on 2 cores).")
  boolean quick;

  @Option(
      names = "--cluster-dir",
      paramLabel = "DIR",
      description =
          "Run against the member processes './swarmgrid cluster start' started in DIR"
              + " (e.g. .swarmgrid-cluster) instead of members in this process; benchmarks: "
              + "registry, messaging, consensus (the others start, kill or reconfigure their own"
              + " members).")
  Path clusterDir;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Data set directory of benchmarks that read one (learning: Fashion-MNIST, default"
              + " /usr/share/datasets/fashion-mnist from Debian's dataset-fashion-mnist).")
  java.nio.file.Path data = io.swarmgrid.ml.learning.FashionMnist.DEBIAN_PATH;

  @Option(
      names = "--soak",
      description =
          "consensus only: 200,000 decisions, printing the heap after GC at the start and the end.")
  boolean soak;

  @Override
  public Integer call() throws Exception {
    if (!BenchMain.NAMES.contains(name)) {
      throw new IllegalArgumentException(
          "NAME: '"
              + name
              + "' is not a benchmark; benchmarks: "
              + String.join(", ", BenchMain.NAMES));
    }
    // Membership changes of the bench clusters are not results (the member jar's defaults log
    // them).
    LogDefaults.set(
        Map.of("com.hazelcast", "error", "com.hazelcast.internal.cluster.ClusterService", "error"));
    if (clusterDir != null) {
      if (soak) {
        throw new IllegalArgumentException(
            "--soak: runs only on members in this process, not with --cluster-dir");
      }
      if (!BenchMain.EXTERNAL.contains(name)) {
        throw new IllegalArgumentException(
            "--cluster-dir: '"
                + name
                + "' runs only on members in this process; against a started cluster: "
                + String.join(", ", BenchMain.EXTERNAL));
      }
      System.out.println(
          BenchMain.run(name, quick, StartedCluster.in("--cluster-dir", clusterDir)));
      return 0;
    }
    System.out.println(BenchMain.run(name, quick, data, soak));
    return 0;
  }

  /** The names for the help text. */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return BenchMain.NAMES.iterator();
    }
  }
}
