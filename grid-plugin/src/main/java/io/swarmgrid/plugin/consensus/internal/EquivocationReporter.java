package io.swarmgrid.plugin.consensus.internal;

import io.swarmgrid.config.FaultConfig;
import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.storage.consensus.Tally;
import io.swarmgrid.storage.consensus.Vote;
import io.swarmgrid.storage.evidence.Evidence;
import io.swarmgrid.storage.evidence.EvidenceKind;
import io.swarmgrid.storage.evidence.EvidenceStore;
import io.swarmgrid.storage.evidence.SignedPayload;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.reputation.ReputationRule;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Files the equivocations a committed tally caught as signed evidence against the voters. */
final class EquivocationReporter {
  private static final Logger LOG = LoggerFactory.getLogger(EquivocationReporter.class);

  private final String nodeId;
  private final NodeKeys keys;
  private final EvidenceStore evidence;

  EquivocationReporter(SwarmNode node) {
    this.nodeId = node.nodeId();
    this.keys = node.keys();
    FaultConfig fault = node.config().fault();
    this.evidence =
        new EvidenceStore(
            node.hazelcast(), ReputationRule.of(fault), fault.maxEvidenceMaterialBytes());
  }

  /**
   * Turns the tally's equivocations into signed evidence (both of the voter's own signed votes),
   * verified and stored once by the evidence store, which also lowers the voter's reputation.
   * Evidence ids depend only on what is alleged, so a second committer's report is a no-op.
   */
  void report(Tally t) {
    for (Vote second : t.conflicting()) {
      Vote first =
          t.votes().stream().filter(v -> v.voter().equals(second.voter())).findFirst().orElse(null);
      if (first == null) {
        continue;
      }
      long now = System.currentTimeMillis();
      List<SignedPayload> material =
          List.of(
              new SignedPayload(first.voter(), first.signedBytes(), first.signature()),
              new SignedPayload(second.voter(), second.signedBytes(), second.signature()));
      try {
        evidence.submit(
            Evidence.sign(
                EvidenceKind.EQUIVOCATION,
                second.voter(),
                t.proposalId(),
                material,
                nodeId,
                keys,
                now),
            now);
      } catch (RuntimeException e) {
        LOG.warn(
            "equivocation evidence against {} on {} was not stored: {}",
            second.voter(),
            t.proposalId(),
            e.getMessage());
      }
    }
  }
}
