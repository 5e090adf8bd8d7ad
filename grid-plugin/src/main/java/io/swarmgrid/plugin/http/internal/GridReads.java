package io.swarmgrid.plugin.http.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.tasks.cluster.ClusterSnapshotTask;
import io.swarmgrid.tasks.cluster.MemberSnapshot;
import io.swarmgrid.tasks.diffusion.DiffusionTask;
import io.swarmgrid.tasks.diffusion.TopologyNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads shared by the API routes and the dashboard feed. */
final class GridReads {
  private GridReads() {}

  /**
   * One member.
   *
   * @param uuid its Hazelcast UUID
   * @param address host:port
   * @param local whether it is the member serving the request
   * @param lite whether it is a lite member (holds no data)
   */
  record MemberView(String uuid, String address, boolean local, boolean lite) {}

  /**
   * A link of the diffusion topology.
   *
   * @param from node id
   * @param to node id
   * @param latencyMicros measured latency
   * @param longLink whether it is one of the random long links
   */
  record Edge(String from, String to, long latencyMicros, boolean longLink) {}

  /**
   * The diffusion topology.
   *
   * @param nodes member and virtual nodes with their neighbours
   * @param edges every link, once per direction
   */
  record Topology(List<TopologyNode> nodes, List<Edge> edges) {}

  static List<MemberView> members(HazelcastInstance hz) {
    List<MemberView> out = new ArrayList<>();
    for (Member m : hz.getCluster().getMembers()) {
      out.add(
          new MemberView(
              m.getUuid().toString(),
              m.getAddress().getHost() + ":" + m.getAddress().getPort(),
              m.localMember(),
              m.isLiteMember()));
    }
    return out;
  }

  static MemberSnapshot snapshot(HazelcastInstance hz) {
    ClusterSnapshotTask task = new ClusterSnapshotTask();
    task.setHazelcastInstance(hz);
    return task.call();
  }

  static Map<String, Object> cpMembers(HazelcastInstance hz) {
    MemberSnapshot s = snapshot(hz);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("cpMembers", s.cpMembers());
    out.put("cpMemberCount", hz.getConfig().getCPSubsystemConfig().getCPMemberCount());
    out.put("error", s.cpError());
    return out;
  }

  static Topology topology(HazelcastInstance hz) {
    Map<String, TopologyNode> map = hz.getMap(SwarmMap.DIFFUSION_TOPOLOGY.mapName());
    List<TopologyNode> nodes = new ArrayList<>(map.values());
    nodes.sort(Comparator.comparing(TopologyNode::nodeId));
    List<Edge> edges = new ArrayList<>();
    for (TopologyNode n : nodes) {
      for (TopologyNode.Link l : n.neighbours()) {
        edges.add(new Edge(n.nodeId(), l.nodeId(), l.latencyMicros(), l.longLink()));
      }
    }
    return new Topology(nodes, edges);
  }

  /** Diffusion tasks, newest first. */
  static List<DiffusionTask> diffusionTasks(HazelcastInstance hz) {
    Map<String, DiffusionTask> map = hz.getMap(SwarmMap.DIFFUSION_TASKS.mapName());
    List<DiffusionTask> out = new ArrayList<>(map.values());
    out.sort(Comparator.comparingLong(DiffusionTask::createdAt).reversed());
    return out;
  }
}
