package io.swarmgrid.deploy.cluster.internal;

import java.nio.file.Path;

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
