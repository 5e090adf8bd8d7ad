package io.swarmgrid.client;

import io.swarmgrid.storage.node.NodeInfo;
import java.util.List;
import java.util.Map;

/**
 * A cluster as a client sees it.
 *
 * @param members member addresses, oldest first
 * @param cpMembers addresses of the CP Subsystem's members; empty when CP is off
 * @param cpNote why {@code cpMembers} is empty, or empty
 * @param clusterState Hazelcast's cluster state
 * @param nodes every registered node
 * @param enginesByNode engines running on each active node
 */
public record ClusterStatus(
    List<String> members,
    List<String> cpMembers,
    String cpNote,
    String clusterState,
    List<NodeInfo> nodes,
    Map<String, List<String>> enginesByNode) {}
