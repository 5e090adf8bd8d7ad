package io.swarmgrid.plugin.monitoring.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionStore;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.monitoring.AnomalyAlert;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises the alert of an anomaly proposal the swarm approved: one {@link AnomalyAlert} in {@code
 * swarm.alerts} (put if absent, so every member may try and one wins) and, from the member whose
 * put won, one WARN line. A proposal that closed without quorum raises nothing.
 */
public final class AlertRaiser {
  private static final Logger LOG = LoggerFactory.getLogger(AlertRaiser.class);

  private final DecisionStore decisions;
  private final IMap<String, AnomalyAlert> alerts;
  private final int ttlSeconds;
  private final MonitoringMetrics metrics;

  /** Writes to {@code hz}'s {@code swarm.alerts} with a TTL of {@code ttlSeconds}. */
  public AlertRaiser(
      HazelcastInstance hz, DecisionStore decisions, int ttlSeconds, MonitoringMetrics metrics) {
    this.decisions = decisions;
    this.alerts = hz.getMap(SwarmMap.ALERTS.mapName());
    this.ttlSeconds = ttlSeconds;
    this.metrics = metrics;
  }

  /** Whether {@code d} is about an anomaly (so worth handing to {@link #decided}). */
  public static boolean concerns(Decision d) {
    return d.proposalId().startsWith(AnomalyVotes.PREFIX);
  }

  /** Raises the alert if {@code d} approved an anomaly; returns it if this call raised it. */
  public Optional<AnomalyAlert> decided(Decision d) {
    if (!concerns(d) || !d.approved()) {
      return Optional.empty();
    }
    Optional<Proposal> proposal = decisions.proposal(d.proposalId());
    AnomalyAlert alert =
        new AnomalyAlert(
            d.proposalId(),
            AnomalyVotes.keyOf(d.proposalId()),
            proposal.map(p -> new String(p.payload(), StandardCharsets.UTF_8)).orElse(""),
            proposal.map(Proposal::proposer).orElse(""),
            d.voters(),
            DecisionStore.supportFraction(d),
            System.currentTimeMillis());
    if (alerts.putIfAbsent(d.proposalId(), alert, ttlSeconds, TimeUnit.SECONDS) != null) {
      return Optional.empty();
    }
    metrics.alerted();
    LOG.warn(
        "ALERT anomaly {} agreed by {} ({} of the weight): {}",
        alert.key(),
        alert.voters(),
        String.format("%.2f", alert.supportFraction()),
        alert.example());
    return Optional.of(alert);
  }
}
