package io.swarmgrid.plugin.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.cp.internal.RaftService;
import com.hazelcast.cp.internal.raft.impl.RaftNode;
import com.hazelcast.cp.internal.raft.impl.RaftNodeStatus;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import java.util.Collection;

/**
 * What this member's Raft nodes say, which Hazelcast's public API does not: a CP member promoted a
 * moment ago is listed in every CP group before it has heard from their leaders, and losing the
 * next member then can leave a group without a majority that can vote. Wait for {@link #settled}
 * before counting a promoted member as a seat filled.
 */
public final class CpRaftNodes {
  private CpRaftNodes() {}

  /**
   * Whether this member runs an active Raft node in at least {@code groups} CP groups, each of
   * which knows its leader (it has been sent the group's log) and has committed a membership of
   * {@code size} that includes this member.
   */
  public static boolean settled(HazelcastInstance hz, int groups, int size) {
    if (!(hz instanceof HazelcastInstanceProxy proxy) || !hz.getLifecycleService().isRunning()) {
      return false;
    }
    RaftService raft =
        proxy.getOriginal().node.getNodeEngine().getService(RaftService.SERVICE_NAME);
    Collection<RaftNode> nodes = raft.getAllRaftNodes();
    return nodes.size() >= groups
        && nodes.stream()
            .allMatch(
                n ->
                    n.getStatus() == RaftNodeStatus.ACTIVE
                        && n.getLeader() != null
                        && n.getCommittedMembers().size() == size
                        && n.getCommittedMembers().contains(n.getLocalMember()));
  }
}
