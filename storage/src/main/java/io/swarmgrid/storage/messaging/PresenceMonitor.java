package io.swarmgrid.storage.messaging;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.config.MessagingConfig;
import io.swarmgrid.config.StorageConfig;
import io.swarmgrid.storage.node.NodeRegistry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks messaging nodes unreachable when their heartbeats stop, and reachable again when they
 * resume (see {@link Presence}). Call {@link #tick} every {@code messaging.ping-interval-millis};
 * the member-side messaging engine does. Several monitors (one per member) may run at once: each
 * only writes a mark that is missing or removes one that is present, so they agree. A beat is
 * compared with the previous beat this monitor read, never with this monitor's clock, so clock skew
 * between nodes does not matter. Not thread-safe: one caller.
 */
public final class PresenceMonitor {
  private static final Logger LOG = LoggerFactory.getLogger(PresenceMonitor.class);

  private final IMap<String, Long> beats;
  private final IMap<String, Long> unreachable;
  private final int missedLimit;
  private final long ttlMillis;
  private final Map<String, Long> lastBeat = new HashMap<>();
  private final Map<String, Integer> missed = new HashMap<>();
  private final NodeRegistry registry;
  private final long goneAfterMillis;
  private final int goneTtlSeconds;

  /** A monitor of the grid of {@code hz} with the presence settings of {@code config}. */
  public PresenceMonitor(HazelcastInstance hz, MessagingConfig config) {
    Objects.requireNonNull(hz, "hz");
    this.beats = Presence.beats(hz);
    this.unreachable = Presence.unreachable(hz);
    this.missedLimit = config.unreachableAfterMissedPings();
    this.ttlMillis = Presence.ttlMillis(config);
    this.registry = new NodeRegistry(hz);
    this.goneAfterMillis = config.goneAfterUnreachableSeconds() * 1000L;
    this.goneTtlSeconds = StorageConfig.DEFAULTS.goneNodeTtlSeconds();
  }

  /** Reads every node's beat once, and marks or unmarks nodes. */
  public void tick() {
    Map<String, Long> now = new HashMap<>();
    beats.entrySet().forEach(e -> now.put(e.getKey(), e.getValue()));
    Set<String> marked = new HashSet<>(unreachable.keySet());
    for (Map.Entry<String, Long> e : now.entrySet()) {
      String node = e.getKey();
      Long previous = lastBeat.put(node, e.getValue());
      if (previous == null || !previous.equals(e.getValue())) {
        missed.put(node, 0);
        if (marked.contains(node) && previous != null) {
          unreachable.remove(node);
          LOG.info("presence: node {} is reachable again", node);
        }
        continue;
      }
      int count = missed.merge(node, 1, Integer::sum);
      if (count >= missedLimit && !marked.contains(node)) {
        unreachable.put(node, System.currentTimeMillis(), ttlMillis, TimeUnit.MILLISECONDS);
        LOG.info(
            "presence: node {} missed {} beats, marked unreachable; its inbox is kept",
            node,
            count);
      }
    }
    markLongUnreachableGone(marked);
    // Forget nodes whose beat expired: this monitor's memory is bounded by the beats map.
    lastBeat.keySet().retainAll(now.keySet());
    missed.keySet().retainAll(now.keySet());
  }

  /**
   * Client-side nodes unreachable longer than {@code messaging.gone-after-unreachable-seconds} are
   * marked gone, so they leave default electorates (a crashed client's nodes stayed ACTIVE forever,
   * issue 13). Members' nodes are left to membership. Conditional: a node that came back meanwhile
   * keeps its record.
   */
  private void markLongUnreachableGone(Set<String> marked) {
    long now = System.currentTimeMillis();
    for (String node : marked) {
      Long since = unreachable.get(node);
      if (since == null || now - since < goneAfterMillis) {
        continue;
      }
      registry
          .get(node)
          .filter(n -> n.active() && n.memberUuid().isEmpty())
          .filter(n -> registry.markGoneIf(n, now, goneTtlSeconds))
          .ifPresent(
              n ->
                  LOG.info(
                      "presence: node {} unreachable since {}, marked gone; its inbox is kept",
                      node,
                      since));
    }
  }
}
