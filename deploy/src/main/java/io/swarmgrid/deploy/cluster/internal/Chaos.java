package io.swarmgrid.deploy.cluster.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Throws a {@link ChaosSpec} at a local cluster: SIGKILL for kills, SIGSTOP/SIGCONT for pauses.
 * Partitions and added latency need packet filtering or queueing disciplines this machine's kernel
 * does not offer, so they are refused before anything is touched (see docs/DEPLOY.md).
 */
public final class Chaos {
  /** Why partitions and latency are refused here. */
  public static final String NETWORK_UNSUPPORTED =
      "is not supported on this machine: it needs packet filtering or delay between the members'"
          + " loopback connections (iptables, or tc with netem and actions, as root), and here"
          + " iptables is not installed and the kernel has neither tc actions nor netem;"
          + " nothing was changed";

  private final ClusterState state;
  private final PrintStream out;

  public Chaos(ClusterState state, PrintStream out) {
    this.state = state;
    this.out = out;
  }

  /**
   * Checks {@code spec} against the cluster without touching anything.
   *
   * @throws IllegalArgumentException naming the field and value: an unknown node, a partition with
   *     a node on both sides, or a fault this machine cannot produce
   */
  public void check(String field, ChaosSpec spec) {
    switch (spec.kind()) {
      case PARTITION ->
          throw new IllegalArgumentException(
              field + ": a network partition " + NETWORK_UNSUPPORTED);
      case SLOW ->
          throw new IllegalArgumentException(field + ": added latency " + NETWORK_UNSUPPORTED);
      default -> spec.nodes().forEach(n -> state.require(field, n));
    }
    if (spec.kind() == ChaosSpec.Kind.KILL_PERCENT && alive().isEmpty()) {
      throw new IllegalArgumentException(field + ": no node of the cluster is running");
    }
  }

  /** The nodes whose processes run (paused ones included). */
  public List<NodeState> alive() {
    return state.nodes().stream().filter(n -> NodeProcess.handle(n).isPresent()).toList();
  }

  /** How many nodes {@code percent}% of the cluster is: rounded, at least 1. */
  public int share(int percent) {
    return Math.max(1, Math.round(state.nodes().size() * percent / 100f));
  }

  /**
   * Applies {@code spec} (already {@link #check}ed) and returns the nodes it touched. A pause with
   * a duration blocks for that long and then resumes the node.
   */
  public List<NodeState> apply(ChaosSpec spec, Random random) throws InterruptedException {
    List<NodeState> touched = new ArrayList<>();
    switch (spec.kind()) {
      case KILL_PERCENT -> {
        List<NodeState> alive = new ArrayList<>(alive());
        Collections.shuffle(alive, random);
        // Every SIGKILL first, then the waits: the nodes die together, not one by one.
        List<NodeState> victims = alive.subList(0, Math.min(share(spec.percent()), alive.size()));
        List<ProcessHandle> dying = new ArrayList<>();
        for (NodeState n : victims) {
          NodeProcess.handle(n)
              .ifPresent(
                  p -> {
                    p.destroyForcibly();
                    dying.add(p);
                    touched.add(n);
                    out.printf("chaos: killed %s (pid %d, SIGKILL)%n", n.name(), n.pid());
                  });
        }
        dying.forEach(p -> p.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).join());
      }
      case KILL_NODE -> {
        NodeState n = state.require("--kill", spec.nodes().get(0));
        if (NodeProcess.handle(n).isEmpty()) {
          throw new IllegalArgumentException("--kill: " + n.name() + " is not running");
        }
        kill(n, touched);
      }
      case PAUSE -> {
        NodeState n = state.require("--pause", spec.nodes().get(0));
        if (NodeProcess.handle(n).isEmpty()) {
          throw new IllegalArgumentException("--pause: " + n.name() + " is not running");
        }
        NodeProcess.pause(n);
        touched.add(n);
        out.printf("chaos: paused %s (pid %d, SIGSTOP)%n", n.name(), n.pid());
        if (!spec.duration().isZero()) {
          Thread.sleep(spec.duration().toMillis());
          NodeProcess.resume(n);
          out.printf("chaos: resumed %s after %s (SIGCONT)%n", n.name(), spec.duration());
        }
      }
      default -> throw new IllegalArgumentException(spec.kind() + " " + NETWORK_UNSUPPORTED);
    }
    return touched;
  }

  private void kill(NodeState n, List<NodeState> touched) throws InterruptedException {
    if (NodeProcess.kill(n)) {
      touched.add(n);
      out.printf("chaos: killed %s (pid %d, SIGKILL)%n", n.name(), n.pid());
    }
  }
}
