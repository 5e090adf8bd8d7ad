package io.swarmgrid.deploy.cluster.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Throws a {@link ChaosSpec} at a local cluster: SIGKILL for kills, SIGSTOP/SIGCONT for pauses, and
 * for partitions and latency a rule in the cluster directory's {@link NetworkRules} that every
 * member's {@link LinkProxy} applies (no packet filter or netem needed, nor root).
 */
public final class Chaos {
  /** How long {@code chaos} waits for the running nodes' proxies to report a rule applied. */
  private static final long APPLY_WAIT_MILLIS = 10_000;

  private final ClusterState state;
  private final PrintStream out;
  private final Path rulesFile;

  /**
   * @param clusterDir the cluster directory, where {@link NetworkRules#FILE} lives
   */
  public Chaos(ClusterState state, Path clusterDir, PrintStream out) {
    this.state = state;
    this.out = out;
    this.rulesFile = clusterDir.resolve(NetworkRules.FILE);
  }

  /**
   * Checks {@code spec} against the cluster without touching anything.
   *
   * @throws IllegalArgumentException naming the field and value: an unknown node, a partition with
   *     a node on both sides, or a fault this machine cannot produce
   */
  public void check(String field, ChaosSpec spec) {
    spec.nodes().forEach(n -> state.require(field, n));
    spec.otherSide().forEach(n -> state.require(field, n));
    for (String n : spec.nodes()) {
      if (spec.otherSide().contains(n)) {
        throw new IllegalArgumentException(
            field
                + ": "
                + n
                + " is on both sides of '"
                + String.join(",", spec.nodes())
                + "/"
                + String.join(",", spec.otherSide())
                + "'");
      }
    }
    if (spec.kind() == ChaosSpec.Kind.SLOW
        && (spec.latency().isZero() || spec.latency().toMillis() > 60_000)) {
      throw new IllegalArgumentException(
          field + ": latency " + spec.latency().toMillis() + "ms is outside 1ms..60s");
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
      case PARTITION, SLOW -> network(spec, touched);
      default -> throw new IllegalArgumentException("unknown fault " + spec.kind());
    }
    return touched;
  }

  /** Removes every network rule: partitions heal, latencies end. Returns how many there were. */
  public int heal() throws InterruptedException {
    int had = NetworkRules.read(rulesFile).holdingAt(System.currentTimeMillis()).rules().size();
    new NetworkRules(List.of()).write(rulesFile);
    awaitApplied(null, false);
    return had;
  }

  /** The network rules in force, for {@code status}. */
  public NetworkRules rules() {
    return NetworkRules.read(rulesFile).holdingAt(System.currentTimeMillis());
  }

  private void network(ChaosSpec spec, List<NodeState> touched) throws InterruptedException {
    long now = System.currentTimeMillis();
    long until = spec.duration().isZero() ? 0 : now + spec.duration().toMillis();
    NetworkRule rule =
        spec.kind() == ChaosSpec.Kind.PARTITION
            ? NetworkRule.cut(spec.nodes(), spec.otherSide(), until)
            : NetworkRule.slow(spec.nodes().get(0), spec.latency().toMillis(), until);
    NetworkRules.read(rulesFile).holdingAt(now).with(rule).write(rulesFile);
    for (String name : spec.nodes()) {
      touched.add(state.require("node", name));
    }
    for (String name : spec.otherSide()) {
      touched.add(state.require("node", name));
    }
    int applied = awaitApplied(rule, true);
    String what =
        rule.kind() == NetworkRule.Kind.CUT
            ? "cut " + String.join(",", rule.sideA()) + " from " + String.join(",", rule.sideB())
            : "slowed " + rule.node() + " by " + rule.latencyMillis() + "ms each way";
    out.printf(
        "chaos: %s (link proxies: %d of %d running nodes applied it)%n",
        what, applied, running().size());
    if (!spec.duration().isZero()) {
      Thread.sleep(Math.max(0, until - System.currentTimeMillis()));
      NetworkRules.read(rulesFile)
          .without(rule)
          .holdingAt(System.currentTimeMillis())
          .write(rulesFile);
      awaitApplied(rule, false);
      out.printf("chaos: healed after %s (%s)%n", spec.duration(), what);
    }
  }

  private List<NodeState> running() {
    return state.nodes().stream()
        .filter(n -> NodeProcess.liveness(n) == NodeProcess.Liveness.RUNNING)
        .toList();
  }

  /**
   * Waits until every running node's proxy reports {@code rule} in force (or, with {@code present}
   * false, no longer in force; a null rule: no rule at all), at most {@link #APPLY_WAIT_MILLIS}.
   * Returns how many running nodes report it so.
   */
  private int awaitApplied(NetworkRule rule, boolean present) throws InterruptedException {
    long deadline = System.currentTimeMillis() + APPLY_WAIT_MILLIS;
    while (true) {
      List<NodeState> running = running();
      long done =
          running.stream()
              .filter(
                  n ->
                      LinkProxySeen.read(Path.of(n.dir()).resolve(LinkProxySeen.FILE))
                          .map(
                              s ->
                                  rule == null
                                      ? s.rules().isEmpty()
                                      : s.rules().contains(rule) == present)
                          .orElse(false))
              .count();
      if (done == running.size() || System.currentTimeMillis() > deadline) {
        return (int) done;
      }
      Thread.sleep(LinkProxy.POLL_MILLIS);
    }
  }

  private void kill(NodeState n, List<NodeState> touched) throws InterruptedException {
    if (NodeProcess.kill(n)) {
      touched.add(n);
      out.printf("chaos: killed %s (pid %d, SIGKILL)%n", n.name(), n.pid());
    }
  }
}
