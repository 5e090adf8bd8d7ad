package io.swarmgrid.deploy.cluster;

import io.swarmgrid.deploy.cluster.internal.Chaos;
import io.swarmgrid.deploy.cluster.internal.ChaosSpec;
import io.swarmgrid.deploy.cluster.internal.ClusterState;
import io.swarmgrid.deploy.cluster.internal.NodeProcess;
import io.swarmgrid.deploy.cluster.internal.NodeState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code swarmgrid cluster chaos}: one fault thrown at the running cluster. */
@Command(
    name = "chaos",
    mixinStandardHelpOptions = true,
    description = {
      "Throws one fault at the cluster.",
      "  --kill 30%% | --kill NODE          SIGKILL",
      "  --pause NODE [--for 10s]          SIGSTOP, then SIGCONT (without --for:",
      "                                    until --resume NODE)",
      "  --partition A,B/C,D [--for 20s]   the sides cannot reach each other (without",
      "                                    --for: until --heal); clients reach both",
      "  --slow NODE --latency 200ms       each byte to and from NODE held 200ms each",
      "         [--for 20s]                way (without --for: until --heal)",
      "  --heal                            ends every partition and latency",
      "Partitions and latency are applied by each member's link proxy (no root, no",
      "iptables or tc): see docs/DEPLOY.md. ./swarmgrid cluster status shows them."
    })
public final class ClusterChaosCommand implements Callable<Integer> {
  @ParentCommand ClusterCommand parent;

  @Option(names = "--kill", paramLabel = "PERCENT|NODE", description = "e.g. 30%% or node-2.")
  String kill;

  @Option(names = "--pause", paramLabel = "NODE", description = "SIGSTOP a node.")
  String pause;

  @Option(names = "--resume", paramLabel = "NODE", description = "SIGCONT a paused node.")
  String resume;

  @Option(names = "--partition", paramLabel = "A,B/C,D", description = "Two sides cut apart.")
  String partition;

  @Option(names = "--heal", description = "End every partition and latency.")
  boolean heal;

  @Option(names = "--slow", paramLabel = "NODE", description = "Added latency on a node.")
  String slow;

  @Option(names = "--latency", paramLabel = "DURATION", description = "For --slow, e.g. 200ms.")
  String latency;

  @Option(names = "--for", paramLabel = "DURATION", description = "How long, e.g. 10s.")
  String duration;

  @Option(
      names = "--seed",
      description = "Seed for choosing the nodes of --kill N%% (default: random).")
  Long seed;

  @Override
  public Integer call() throws Exception {
    List<String> given = new ArrayList<>();
    for (var o :
        new String[][] {
          {"--kill", kill},
          {"--pause", pause},
          {"--resume", resume},
          {"--partition", partition},
          {"--slow", slow},
          {"--heal", heal ? "" : null}
        }) {
      if (o[1] != null) {
        given.add(o[0]);
      }
    }
    if (given.size() != 1) {
      throw new IllegalArgumentException(
          "chaos: give exactly one of --kill, --pause, --resume, --partition, --slow, --heal"
              + " (given: "
              + (given.isEmpty() ? "none" : String.join(", ", given))
              + ")");
    }
    if (duration != null && pause == null && partition == null && slow == null) {
      throw new IllegalArgumentException("--for: only with --pause, --partition or --slow");
    }
    if (latency != null && slow == null) {
      throw new IllegalArgumentException("--latency: only with --slow");
    }
    Duration forDuration = duration == null ? Duration.ZERO : ChaosSpec.duration("--for", duration);
    ClusterState state = parent.stateFile().require();
    Chaos chaos = new Chaos(state, parent.stateFile().dir(), System.out);
    if (heal) {
      System.out.printf("chaos: healed %d network rule(s)%n", chaos.heal());
      return 0;
    }
    if (resume != null) {
      NodeState n = state.require("--resume", resume);
      if (NodeProcess.liveness(n) != NodeProcess.Liveness.PAUSED) {
        throw new IllegalArgumentException("--resume: " + n.name() + " is not paused");
      }
      NodeProcess.resume(n);
      System.out.printf("chaos: resumed %s (SIGCONT)%n", n.name());
      return 0;
    }
    ChaosSpec spec;
    String field = given.get(0);
    if (kill != null) {
      spec = ChaosSpec.kill(field, kill);
    } else if (pause != null) {
      spec = ChaosSpec.pause(field, pause, forDuration);
    } else if (partition != null) {
      spec = ChaosSpec.partition(field, partition, forDuration);
    } else {
      if (latency == null) {
        throw new IllegalArgumentException("--slow: needs --latency, e.g. --latency 200ms");
      }
      spec = ChaosSpec.slow(field, slow, ChaosSpec.duration("--latency", latency), forDuration);
    }
    chaos.check(field, spec);
    List<NodeState> touched = chaos.apply(spec, seed == null ? new Random() : new Random(seed));
    System.out.printf(
        "chaos: %d node(s) touched; %d of %d running%n",
        touched.size(), chaos.alive().size(), state.nodes().size());
    return 0;
  }
}
