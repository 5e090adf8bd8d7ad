package io.swarmgrid.deploy.cluster.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code cluster start} was asked for, checked.
 *
 * @param nodes member processes, 1..{@link #MAX_NODES}
 * @param regions regions the nodes are spread over round robin, 1..nodes
 * @param basePort the first member port; node i listens on basePort + i - 1
 * @param config a directory whose {@code swarmgrid.yaml} every node starts from, or null for the
 *     tool's own
 * @param clusterName the Hazelcast cluster name
 */
public record ClusterLayout(int nodes, int regions, int basePort, Path config, String clusterName) {
  /** The most member processes one start makes (each is a JVM of up to 384 MB heap). */
  public static final int MAX_NODES = 20;

  /** Node i's HTTP port is its member port plus this: 5701 serves HTTP on 8080. */
  public static final int HTTP_OFFSET = 8080 - 5701;

  /** Node i's member binds its member port plus this; the member port is its link proxy's. */
  public static final int BIND_OFFSET = 1000;

  /** Node 1's outbound ports start at the base port plus this, each node's range after it. */
  public static final int OUTBOUND_OFFSET = 1100;

  /** Outbound ports per node: a member opens one connection per peer and plane, and reconnects. */
  public static final int OUTBOUND_PER_NODE = 20;

  public ClusterLayout {
    if (nodes < 1 || nodes > MAX_NODES) {
      throw new IllegalArgumentException("--nodes: " + nodes + " is outside 1.." + MAX_NODES);
    }
    if (regions < 1 || regions > nodes) {
      throw new IllegalArgumentException(
          "--regions: " + regions + " is outside 1.." + nodes + " (at most one per node)");
    }
    if (basePort < 1024 || basePort + nodes - 1 + HTTP_OFFSET > 65535) {
      throw new IllegalArgumentException(
          "--base-port: "
              + basePort
              + " leaves no room for "
              + nodes
              + " member ports and their HTTP ports (+"
              + HTTP_OFFSET
              + ") in 1024..65535");
    }
    if (clusterName == null || !clusterName.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
      throw new IllegalArgumentException(
          "--name: '" + clusterName + "' is not a name (letters, digits, _ . -; up to 64)");
    }
  }

  /** Node i's id, 1-based. */
  public String nodeName(int i) {
    return "node-" + i;
  }

  /** Node i's region: region-1..region-R round robin. */
  public String region(int i) {
    return "region-" + (((i - 1) % regions) + 1);
  }

  /** Node i's member port. */
  public int port(int i) {
    return basePort + i - 1;
  }

  /**
   * The port node i's member binds; its member port ({@link #port}) is its link proxy's, which the
   * member advertises, so every connection to it passes the proxy.
   */
  public int memberBindPort(int i) {
    return port(i) + BIND_OFFSET;
  }

  /**
   * Node i's outbound ports, its own range, so a link proxy knows a member connection's node by its
   * source port.
   */
  public LinkProxySetup.PortRange outboundPorts(int i) {
    int first = basePort + OUTBOUND_OFFSET + (i - 1) * OUTBOUND_PER_NODE;
    return new LinkProxySetup.PortRange(first, first + OUTBOUND_PER_NODE - 1);
  }

  /** Every node's outbound ports, by node name. */
  public Map<String, LinkProxySetup.PortRange> outboundPortsByNode() {
    Map<String, LinkProxySetup.PortRange> all = new LinkedHashMap<>();
    for (int i = 1; i <= nodes; i++) {
      all.put(nodeName(i), outboundPorts(i));
    }
    return all;
  }

  /** Node i's HTTP port (API, dashboard, health probes). */
  public int httpPort(int i) {
    return port(i) + HTTP_OFFSET;
  }

  /** CP members: 3 when there are 3 nodes or more, else the CP Subsystem is off. */
  public int cpMembers() {
    return nodes >= 3 ? 3 : 0;
  }

  /** Backups of every SwarmGrid map: up to 3, so half of 6 nodes can die at once losing nothing. */
  public int backups() {
    return Math.min(3, nodes - 1);
  }
}
