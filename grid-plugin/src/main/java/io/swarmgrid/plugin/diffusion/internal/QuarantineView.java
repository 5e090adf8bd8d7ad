package io.swarmgrid.plugin.diffusion.internal;

import io.swarmgrid.storage.reputation.ReputationStore;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which members are quarantined, as this member last read it: a quarantined member gets no chunks,
 * and copies need not wait for it.
 */
public final class QuarantineView {
  private final DiffusionContext ctx;
  private final ReputationStore reputations;
  private volatile boolean self;
  private volatile Set<String> hosts = Set.of();

  /** A view read from the reputations of {@code ctx}'s member. */
  public QuarantineView(DiffusionContext ctx) {
    this.ctx = ctx;
    this.reputations = new ReputationStore(ctx.hz());
  }

  /** Reads the reputations of this member's node and of every host in the topology again. */
  void refresh() {
    self = reputations.isQuarantined(ctx.nodeId());
    Set<String> q = new HashSet<>();
    Map<String, String> hostNodes = new HashMap<>();
    ctx.keeper().view().values().forEach(n -> hostNodes.put(n.hostUuid(), n.hostNodeId()));
    hostNodes.forEach(
        (uuid, hostNode) -> {
          if (reputations.isQuarantined(hostNode)) {
            q.add(uuid);
          }
        });
    hosts = Set.copyOf(q);
  }

  /** Whether this member's node is quarantined. */
  boolean self() {
    return self;
  }

  /** The member UUIDs of quarantined hosts. */
  Set<String> hosts() {
    return hosts;
  }
}
