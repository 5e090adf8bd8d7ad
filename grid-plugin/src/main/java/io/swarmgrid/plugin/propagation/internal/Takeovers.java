package io.swarmgrid.plugin.propagation.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.PartitionService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Which of the streams a member owns it took over from a member that left, and must send again. A
 * state's partition moves for two reasons. A member that left (crashed, or shut down with updates
 * still waiting in its scheduler) may not have sent everything it recorded: the new owner sends
 * every interested node the stream's latest keyframe and delta. A member that stays (one joined,
 * partitions were rebalanced) sent everything it recorded: sending the head again would only
 * overtake its last updates on their way (a critical target then skipped them), so the stream is
 * remembered with its old owner and sent again only if that member leaves later. A stream this
 * member started itself is never taken for one taken over.
 *
 * <p>Called from the engine's sweep only (one thread).
 */
public final class Takeovers {
  private final PartitionService partitions;
  private final HazelcastInstance hz;
  private final Supplier<Set<String>> localStates;
  private Set<String> lastOwned;
  // Partition owners read just before lastOwned: a stream not in lastOwned had its partition
  // elsewhere then (or did not exist).
  private Map<Integer, UUID> lastOwners;
  // Streams moved here from a member that was still up then: sent again if it leaves.
  private final Map<String, UUID> movedFrom = new HashMap<>();

  /**
   * What a sweep found.
   *
   * @param owned the streams this member owns now
   * @param resend those whose interested nodes must be sent the head again: taken over from a
   *     member that left, or moved here from one that has left since
   */
  public record Sweep(Set<String> owned, Set<String> resend) {}

  /** Takeovers on member {@code hz}, whose streams {@code localStates} reads. */
  public Takeovers(HazelcastInstance hz, Supplier<Set<String>> localStates) {
    this.hz = hz;
    this.partitions = hz.getPartitionService();
    this.localStates = localStates;
    this.lastOwners = owners();
    this.lastOwned = Set.copyOf(localStates.get());
  }

  /** Reads the streams this member owns now and which of them must be sent again. */
  public Sweep sweep() {
    Map<Integer, UUID> ownersNow = owners();
    Set<String> owned = Set.copyOf(localStates.get());
    Set<UUID> members = new HashSet<>();
    for (Member m : hz.getCluster().getMembers()) {
      members.add(m.getUuid());
    }
    UUID self = hz.getCluster().getLocalMember().getUuid();
    Set<String> resend = new HashSet<>();
    for (String stateId : owned) {
      if (lastOwned.contains(stateId)) {
        continue;
      }
      UUID before = lastOwners.get(partitions.getPartition(stateId).getPartitionId());
      if (before == null || !members.contains(before)) {
        resend.add(stateId);
      } else if (!before.equals(self)) {
        movedFrom.put(stateId, before);
      }
    }
    Iterator<Map.Entry<String, UUID>> it = movedFrom.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, UUID> e = it.next();
      if (!owned.contains(e.getKey())) {
        it.remove();
      } else if (!members.contains(e.getValue())) {
        resend.add(e.getKey());
        it.remove();
      }
    }
    lastOwned = owned;
    lastOwners = ownersNow;
    return new Sweep(owned, resend);
  }

  private Map<Integer, UUID> owners() {
    Map<Integer, UUID> owners = new HashMap<>();
    for (Partition p : partitions.getPartitions()) {
      Member owner = p.getOwner();
      if (owner != null) {
        owners.put(p.getPartitionId(), owner.getUuid());
      }
    }
    return owners;
  }
}
