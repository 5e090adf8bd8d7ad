package io.swarmgrid.plugin.monitoring.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.plugin.consensus.ConsensusEngine;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.storage.consensus.VoteReceipt;
import io.swarmgrid.storage.consensus.VoteStatus;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Turns an anomaly this member saw into its vote, through the consensus engine's public API: the
 * first member to see an anomaly key opens a proposal for it (its id kept in {@code
 * swarm.monitoring.open} for {@code vote-seconds}, so that every member that sees the same key
 * votes on the same proposal), and each member that sees it approves. Members that do not see it do
 * not vote, so the proposal reaches quorum only if enough of the swarm saw it; else its deadline
 * closes it with no winner.
 */
public final class AnomalyVotes {
  /** Every anomaly proposal's id starts with this. */
  public static final String PREFIX = "anomaly-";

  private static final int MAX_EXAMPLE_CHARS = 2_000;
  private static final int REMEMBERED = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(AnomalyVotes.class);

  private final ConsensusEngine consensus;
  private final IMap<String, String> open;
  private final String nodeId;
  private final int voteSeconds;
  private final MonitoringMetrics metrics;
  private final Map<String, Boolean> voted =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      };

  /** Votes as {@code nodeId}; proposals stay open {@code voteSeconds}. */
  public AnomalyVotes(
      HazelcastInstance hz,
      ConsensusEngine consensus,
      String nodeId,
      int voteSeconds,
      MonitoringMetrics metrics) {
    this.consensus = consensus;
    this.open = hz.getMap(SwarmMap.MONITORING_OPEN.mapName());
    this.nodeId = nodeId;
    this.voteSeconds = voteSeconds;
    this.metrics = metrics;
  }

  /**
   * Opens (or joins) the proposal for {@code key} and approves it.
   *
   * @return the proposal id, or empty if this member already voted on the open one
   */
  public Optional<String> report(String key, String example) {
    metrics.anomaly();
    String fresh = PREFIX + key + "-" + UUID.randomUUID();
    String existing = open.putIfAbsent(key, fresh, voteSeconds, TimeUnit.SECONDS);
    String id = existing == null ? fresh : existing;
    if (voted.containsKey(id)) {
      return Optional.empty();
    }
    long start = System.nanoTime();
    proposeOnce(id, example);
    VoteReceipt receipt = consensus.vote(id, Proposal.APPROVE, 1.0);
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    voted.put(id, Boolean.TRUE);
    if (receipt.counted()) {
      metrics.voted();
    } else {
      // This member saw the anomaly and its sighting is lost: say why (a quorum reached without it
      // is the usual reason, and harmless).
      LOG.atLevel(receipt.status() == VoteStatus.ALREADY_DECIDED ? Level.INFO : Level.WARN)
          .log(
              "vote on anomaly {} not counted after {} ms: {} ({})",
              id,
              tookMillis,
              receipt.status(),
              receipt.reason());
    }
    return Optional.of(id);
  }

  /**
   * Every member that sees the key proposes it under the one id: the first proposal stands, the
   * others are refused as already made (so a proposer that died after opening the entry leaves no
   * hole).
   */
  private void proposeOnce(String id, String example) {
    try {
      consensus.propose(request(id, example));
    } catch (IllegalArgumentException alreadyMade) {
      if (!String.valueOf(alreadyMade.getMessage()).contains("already a proposal")) {
        throw alreadyMade;
      }
    }
  }

  private ProposalRequest request(String id, String example) {
    String shown =
        example.length() > MAX_EXAMPLE_CHARS ? example.substring(0, MAX_EXAMPLE_CHARS) : example;
    return ProposalRequest.builder(nodeId, DecisionType.OTHER)
        .id(id)
        .deadline(System.currentTimeMillis() + voteSeconds * 1000L)
        .payload(shown.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  /** The anomaly key in an anomaly proposal's id. */
  public static String keyOf(String proposalId) {
    String rest = proposalId.substring(PREFIX.length());
    int dash = rest.indexOf('-');
    return dash < 0 ? rest : rest.substring(0, dash);
  }
}
