package io.swarmgrid.deploy.demo;

import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.deploy.local.LocalCluster;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.storage.consensus.Vote;
import io.swarmgrid.storage.evidence.Evidence;
import io.swarmgrid.storage.evidence.EvidenceKind;
import io.swarmgrid.storage.evidence.SignedPayload;
import io.swarmgrid.storage.recovery.RecoveryEvent;
import io.swarmgrid.storage.reputation.Reputation;
import io.swarmgrid.storage.work.WorkItems;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A lying member node is quarantined and refused work; a killed member's work moves to the
 * survivor.
 */
final class FaultScenario implements Scenario {
  @Override
  public String title(DemoContext demo) {
    return "Fault tolerance: a lying node is quarantined, a stopped member's work moves";
  }

  @Override
  public void run(DemoContext demo) throws Exception {
    PrintStream out = demo.out();
    SwarmClient client = demo.client();
    LocalCluster cluster = demo.cluster();
    SwarmNode honest = SwarmGrid.node(cluster.members().get(0)).orElseThrow();
    SwarmNode liar = SwarmGrid.node(cluster.members().get(2)).orElseThrow();
    for (String round : List.of("round-1", "round-2")) {
      // The liar signs two different votes in one round: self-proving evidence of equivocation.
      List<SignedPayload> votes = List.of(vote(liar, round, 0), vote(liar, round, 1));
      client
          .fault()
          .reportEvidence(
              Evidence.sign(
                  EvidenceKind.EQUIVOCATION,
                  liar.nodeId(),
                  round,
                  votes,
                  honest.nodeId(),
                  honest.keys(),
                  System.currentTimeMillis()));
    }
    Reputation r = client.fault().reputation(liar.nodeId());
    out.printf(
        "%s signed two different votes in each of 2 rounds: reputation %.2f, %s%n",
        liar.nodeId(),
        r.score(),
        r.quarantined() ? "QUARANTINED (no vote weight, no new work)" : "not quarantined");

    WorkItems work = client.fault().work();
    long now = System.currentTimeMillis();
    try {
      work.create("demo-work-liar", "task", liar.nodeId(), now);
    } catch (IllegalArgumentException refused) {
      out.println("work for " + liar.nodeId() + " refused: " + refused.getMessage());
    }
    String doomed = SwarmGrid.node(cluster.members().get(1)).orElseThrow().nodeId();
    work.createAll(
        IntStream.range(0, 150).mapToObj(i -> "demo-work-a" + i).toList(),
        "task",
        honest.nodeId(),
        now);
    work.createAll(
        IntStream.range(0, 150).mapToObj(i -> "demo-work-b" + i).toList(), "task", doomed, now);
    out.printf(
        "300 work items: 150 on %s, 150 on %s; stopping %s's member (killed, no goodbye)...%n",
        honest.nodeId(), doomed, doomed);
    cluster.kill(cluster.members().get(1));
    demo.waitFor(
        "the recovery of " + doomed,
        () -> client.fault().recoveryEvents().stream().anyMatch(e -> e.lostNode().equals(doomed)));
    RecoveryEvent e =
        client.fault().recoveryEvents().stream()
            .filter(x -> x.lostNode().equals(doomed))
            .findFirst()
            .orElseThrow();
    List<String> doomedIds = IntStream.range(0, 150).mapToObj(i -> "demo-work-b" + i).toList();
    long lost =
        doomedIds.size()
            - work.getAll(doomedIds).values().stream()
                .filter(w -> !w.ownerNode().equals(doomed))
                .count();
    out.printf(
        "%s lost (%s): %d of %d work items moved to %s, %d ms after detection (grace %d ms); lost %d%n",
        doomed,
        e.kind(),
        e.itemsReassigned(),
        e.itemsFound(),
        e.targets(),
        e.detectToLastReassignMillis(),
        e.graceMillis(),
        lost);
  }

  private static SignedPayload vote(SwarmNode node, String proposal, int choice) {
    Vote v = Vote.signed(node.keys(), proposal, node.nodeId(), choice, 1.0, new double[0], 1);
    return new SignedPayload(node.nodeId(), v.signedBytes(), v.signature());
  }
}
