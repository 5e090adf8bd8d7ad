package io.swarmgrid.deploy.cluster;

import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.client.cli.LogDefaults;
import io.swarmgrid.deploy.cluster.internal.Chaos;
import io.swarmgrid.deploy.cluster.internal.ChaosSpec;
import io.swarmgrid.deploy.cluster.internal.CheckReport;
import io.swarmgrid.deploy.cluster.internal.ClusterState;
import io.swarmgrid.deploy.cluster.internal.SideTraffic;
import io.swarmgrid.deploy.cluster.internal.Summaries;
import io.swarmgrid.deploy.cluster.internal.WorkloadInput;
import io.swarmgrid.deploy.cluster.internal.WorkloadRun;
import io.swarmgrid.deploy.swarm.GridTspRun;
import io.swarmgrid.storage.runtime.SwarmThreads;
import io.swarmgrid.tasks.swarm.tsp.AcoParams;
import io.swarmgrid.tasks.swarm.tsp.AcoResult;
import io.swarmgrid.tasks.swarm.tsp.Tsplib;
import io.swarmgrid.tasks.workload.Workload;
import io.swarmgrid.tasks.workload.Workloads;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code swarmgrid cluster inject WORKLOAD}: runs a workload on the cluster and prints its result
 * and time; with {@code --chaos} throws a fault at the cluster while it runs and then checks that
 * nothing broke (exit 0 only if every check holds).
 */
@Command(
    name = "inject",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a workload on the cluster (optionally under chaos, then checked).",
      "Prints progress, the result and the time. Workloads: word-count, log-analysis,",
      "log-templates, search (by diffusion or as a Jet job), or aco (an ant colony on",
      "a TSPLIB file). With --chaos FAULT the fault is thrown while it runs, and a",
      "checker then verifies: the result equals the single-thread",
      "result, every proposal made during the run has at most one decision, no",
      "acknowledged message was lost, and every acknowledged balance task is DONE with",
      "its own result. Exit 0 only if all hold."
    })
public final class ClusterInjectCommand implements Callable<Integer> {
  private static final String ACO = "aco";

  @ParentCommand ClusterCommand parent;

  @Parameters(
      paramLabel = "WORKLOAD",
      description = "word-count, log-analysis, log-templates, search or aco.")
  String workload;

  @Option(
      names = "--input",
      paramLabel = "PATH",
      description = "A file or directory (default: the samples under deploy/samples).")
  Path input;

  @Option(
      names = "--glob",
      defaultValue = "*.log",
      description = "Files of an --input directory (default: ${DEFAULT-VALUE}).")
  String glob;

  @Option(
      names = "--via",
      defaultValue = "diffusion",
      description = "diffusion or jet (default: ${DEFAULT-VALUE}).")
  String via;

  @Option(
      names = "--energy",
      defaultValue = "50",
      description = "Diffusion energy (default: ${DEFAULT-VALUE}).")
  double energy;

  @Option(
      names = "--chaos",
      paramLabel = "FAULT",
      description =
          "e.g. \"kill 50%%\", \"kill node-2\", \"pause node-3 10s\","
              + " \"partition node-1/node-2,node-3 10s\", \"slow node-2 200ms 10s\".")
  String chaos;

  @Option(
      names = "--chaos-after",
      defaultValue = "500ms",
      paramLabel = "DURATION",
      description =
          "When the fault is thrown after the work is injected (default: ${DEFAULT-VALUE}).")
  String chaosAfter;

  @Option(
      names = "--check",
      description = "Run the checker without chaos (the baseline of a chaos run).")
  boolean check;

  @Option(
      names = "--seconds",
      defaultValue = "20",
      description = "aco: the colony's budget (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(
      names = "--timeout",
      defaultValue = "300",
      paramLabel = "SECONDS",
      description = "How long to wait for the result (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(names = "--seed", description = "Seed for choosing the nodes a kill N%% hits.")
  Long seed;

  @Override
  public Integer call() throws Exception {
    LogDefaults.quietClient();
    // Members dying is what chaos is for: the checker reports what matters, not each retry.
    LogDefaults.set(java.util.Map.of("io.swarmgrid", "error"));
    if ("training".equals(workload)) {
      throw new IllegalArgumentException(
          "WORKLOAD: 'training' does not exist yet (distributed learning is not built); workloads: "
              + names());
    }
    if (!workload.equals(ACO) && !Workloads.names().contains(workload)) {
      throw new IllegalArgumentException(
          "WORKLOAD: unknown workload '" + workload + "'; workloads: " + names());
    }
    if (!via.equals("diffusion") && !via.equals("jet")) {
      throw new IllegalArgumentException(
          "--via: '" + via + "' is not allowed; allowed: diffusion, jet");
    }
    if (timeoutSeconds < 1 || seconds < 1) {
      throw new IllegalArgumentException("--timeout/--seconds: must be 1 or more");
    }
    WorkloadInput in =
        WorkloadInput.of(input == null ? WorkloadInput.defaultFor(workload) : input, glob);
    Duration after = ChaosSpec.duration("--chaos-after", chaosAfter);
    ClusterState state = parent.stateFile().require();
    ChaosSpec spec = chaos == null ? null : ChaosSpec.require("--chaos", chaos);
    Chaos faults = new Chaos(state, parent.stateFile().dir(), System.out);
    if (spec != null) {
      faults.check("--chaos", spec);
      boolean network =
          spec.kind() == ChaosSpec.Kind.PARTITION || spec.kind() == ChaosSpec.Kind.SLOW;
      if (network && spec.duration().isZero()) {
        throw new IllegalArgumentException(
            "--chaos: '"
                + chaos
                + "' has no duration; a partition or latency must end before the checker runs,"
                + " e.g. 'partition node-1/node-2,node-3 10s' or 'slow node-2 200ms 10s'");
      }
    }
    try (SwarmClient client =
        SwarmClient.connect(
            new SwarmClientConfig(state.clusterName(), state.addresses(), 30_000))) {
      if (workload.equals(ACO)) {
        return aco(client, in.files().get(0), faults, spec, after);
      }
      return run(client, in, faults, spec, after);
    }
  }

  private static String names() {
    TreeSet<String> names = new TreeSet<>(Workloads.names());
    names.add(ACO);
    return String.join(", ", names);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private int run(
      SwarmClient client, WorkloadInput in, Chaos faults, ChaosSpec spec, Duration after)
      throws Exception {
    Workload w = Workloads.byName(workload);
    String text = in.text();
    long t0 = System.nanoTime();
    Serializable expected = WorkloadRun.singleThread(w, text);
    System.out.printf("single thread: %.2f s%n", (System.nanoTime() - t0) / 1e9);
    SideTraffic traffic = spec == null && !check ? null : new SideTraffic(client, cpRuns(client));
    if (traffic != null) {
      traffic.start();
    }
    try {
      WorkloadRun run = new WorkloadRun(client, System.out, System.console() != null);
      long start = System.nanoTime();
      Thread[] chaosThread = new Thread[1];
      Runnable started = () -> chaosThread[0] = spec == null ? null : chaos(faults, spec, after);
      Serializable result =
          via.equals("jet")
              ? run.byJet(workload, in, Duration.ofSeconds(timeoutSeconds), started)
              : run.byDiffusion(w, text, energy, Duration.ofSeconds(timeoutSeconds), started);
      double secs = (System.nanoTime() - start) / 1e9;
      if (chaosThread[0] != null) {
        chaosThread[0].join();
      }
      boolean matches = expected.equals(result);
      System.out.printf("result: %s%n", Summaries.of(result));
      System.out.printf(
          "%s by %s in %.2f s; equals the single-thread result: %s%n",
          workload, via, secs, matches);
      if (traffic == null) {
        return matches ? 0 : 1;
      }
      CheckReport report = traffic.finish(matches, Duration.ofSeconds(60), Duration.ofSeconds(15));
      System.out.printf(
          "check: result = single thread: %s; proposals %d, decided %d (undecided: CP majority lost or"
              + " deadline), with more than one decision %d;"
              + " messages acknowledged %d, lost %d;"
              + " tasks acknowledged %d, DONE %d (re-run after a member died: %d)%n",
          report.resultMatches(),
          report.proposals(),
          report.decided(),
          report.conflicting(),
          report.messagesSent(),
          report.messagesLost(),
          report.tasksSubmitted(),
          report.tasksDone(),
          report.tasksRerun());
      report.problems().forEach(p -> System.out.println("check: " + p));
      System.out.println(report.passed() ? "CHECK PASSED" : "CHECK FAILED");
      return report.passed() ? 0 : 1;
    } finally {
      if (traffic != null) {
        traffic.close();
      }
    }
  }

  private static boolean cpRuns(SwarmClient client) {
    return client.status().cpMembers().size() >= 3;
  }

  private Thread chaos(Chaos faults, ChaosSpec spec, Duration after) {
    Random random = seed == null ? new Random() : new Random(seed);
    return SwarmThreads.start(
        "swarmgrid-chaos",
        () -> {
          try {
            Thread.sleep(after.toMillis());
            faults.apply(spec, random);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (RuntimeException e) {
            System.out.println("chaos: failed: " + e.getMessage());
          }
        });
  }

  private int aco(SwarmClient client, Path file, Chaos faults, ChaosSpec spec, Duration after)
      throws Exception {
    String problem = Files.readString(file, StandardCharsets.ISO_8859_1);
    var instance = Tsplib.readInstance(file);
    System.out.printf(
        "ant colony on %s (%d cities) for up to %d s%n",
        instance.name(), instance.dimension(), seconds);
    Thread chaosThread = spec == null ? null : chaos(faults, spec, after);
    AcoResult result =
        GridTspRun.run(
            client.hazelcast(),
            instance,
            problem,
            AcoParams.defaults(seed == null ? 1 : seed),
            10,
            Duration.ofSeconds(seconds),
            0);
    if (chaosThread != null) {
      chaosThread.join();
    }
    System.out.println(result.line());
    return 0;
  }
}
