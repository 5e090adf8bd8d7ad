package io.swarmgrid.deploy.demo;

import io.swarmgrid.client.ClientNode;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.consensus.ConsensusClient;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.storage.consensus.VoteReceipt;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.node.NodeRegistry;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Five client nodes vote on a model update; one equivocates, one forges a signature. */
final class ConsensusScenario implements Scenario {
  @Override
  public String title(DemoContext demo) {
    return "Consensus (signed, reputation-weighted votes; one decision committed through Raft)";
  }

  @Override
  public void run(DemoContext demo) throws Exception {
    PrintStream out = demo.out();
    SwarmClient client = demo.client();
    List<ClientNode> voters = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      voters.add(
          client.joinAsNode(
              "voter-" + i,
              NodeKeys.generate(),
              DemoConfigs.REGIONS[i % 3],
              NodeTier.EDGE,
              List.of()));
    }
    ConsensusClient consensus = client.consensus();
    Proposal p =
        consensus.propose(
            ProposalRequest.builder("voter-1", DecisionType.MODEL_UPDATE)
                .electorate(voters.stream().map(ClientNode::nodeId).toList())
                .features(0.92, 0.15, 0.4)
                .payload("promote model fraud-detector v7".getBytes(StandardCharsets.UTF_8))
                .deadlineIn(Duration.ofSeconds(30))
                .build());
    out.printf(
        "proposal %s: MODEL_UPDATE 'promote model fraud-detector v7', 5 voters, quorum > 2/3 of their weight%n",
        p.id().substring(0, 8));
    double[] confidence = {0.9, 0.8, 0.95, 0.7};
    for (int i = 0; i < 4; i++) {
      VoteReceipt r =
          consensus.vote(voters.get(i), p.id(), Proposal.APPROVE, confidence[i], confidence[i]);
      out.printf(
          "  %-8s approve (confidence %.2f) -> %s%n",
          voters.get(i).nodeId(), confidence[i], r.status());
      if (i == 1) {
        VoteReceipt lie = consensus.vote(voters.get(1), p.id(), Proposal.REJECT, 0.9);
        out.printf(
            "  %-8s reject, after approving   -> %s (both signed votes kept as evidence)%n",
            voters.get(1).nodeId(), lie.status());
        VoteReceipt forged =
            consensus.vote(
                new ClientNode("voter-5", NodeKeys.generate()), p.id(), Proposal.REJECT, 1.0);
        out.printf("  %-8s signed with a stolen id    -> %s%n", "voter-5", forged.status());
      }
    }
    Decision d = consensus.awaitDecision(p.id()).get(30, TimeUnit.SECONDS);
    out.printf(
        "decision: %s '%s', approve weight %.2f of %.2f eligible, %d votes counted, %d ms from proposal to commit%n",
        d.end(),
        d.outcomeLabel(),
        d.optionWeights()[0],
        d.eligibleWeight(),
        d.voters().size(),
        d.tookMillis());
    demo.waitFor(
        "the equivocation evidence filed",
        () -> !client.fault().evidenceAgainst("voter-2").isEmpty());
    out.printf(
        "equivocators: %s; evidence against voter-2: %s; its reputation now %.2f (was 1.00)%n",
        d.equivocators(),
        client.fault().evidenceAgainst("voter-2").get(0).kind(),
        client.fault().reputation("voter-2").score());
    var registry = new NodeRegistry(client.hazelcast());
    voters.forEach(v -> registry.markGone(v.nodeId(), System.currentTimeMillis(), 60));
  }
}
