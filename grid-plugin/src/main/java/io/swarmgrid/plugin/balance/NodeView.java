package io.swarmgrid.plugin.balance;

import java.util.Set;

/**
 * One node as the balancer sees it at a moment: what it offers, what its held tasks use, how
 * reliable and how costly it is. Strategies choose among these.
 *
 * @param nodeId the node
 * @param memberUuid the member it runs in, or empty for a client-side worker
 * @param cpuCores cores offered, {@code >= 1}
 * @param memoryMb memory offered, MiB
 * @param gpus GPUs offered
 * @param capabilities named capabilities
 * @param cost relative cost of running on it, 0..1 (edge 0, edge-server 0.5, cloud 1)
 * @param reputation reputation score, 0..1
 * @param held tasks assigned to or running on it
 * @param usedCpu cores its held tasks require
 * @param usedMemoryMb memory its held tasks require
 * @param usedGpus GPUs its held tasks require
 * @param backlogMillis sum of the estimates of its held tasks, ms: the work ahead of a new task
 */
public record NodeView(
    String nodeId,
    String memberUuid,
    int cpuCores,
    long memoryMb,
    int gpus,
    Set<String> capabilities,
    double cost,
    double reputation,
    int held,
    double usedCpu,
    long usedMemoryMb,
    int usedGpus,
    long backlogMillis) {

  /** A node whose held tasks have no estimates (backlog 0). */
  public NodeView(
      String nodeId,
      String memberUuid,
      int cpuCores,
      long memoryMb,
      int gpus,
      Set<String> capabilities,
      double cost,
      double reputation,
      int held,
      double usedCpu,
      long usedMemoryMb,
      int usedGpus) {
    this(
        nodeId,
        memberUuid,
        cpuCores,
        memoryMb,
        gpus,
        capabilities,
        cost,
        reputation,
        held,
        usedCpu,
        usedMemoryMb,
        usedGpus,
        0);
  }

  /** Copies the capabilities. */
  public NodeView {
    capabilities = Set.copyOf(capabilities);
    memberUuid = memberUuid == null ? "" : memberUuid;
    cpuCores = Math.max(1, cpuCores);
  }

  /** A node with nothing held. */
  public static NodeView idle(
      String nodeId,
      String memberUuid,
      int cpuCores,
      long memoryMb,
      int gpus,
      Set<String> capabilities,
      double cost,
      double reputation) {
    return new NodeView(
        nodeId, memberUuid, cpuCores, memoryMb, gpus, capabilities, cost, reputation, 0, 0, 0, 0);
  }

  /** This node with one more task holding the given resources (negative to release). */
  public NodeView plus(int tasks, double cpu, long memory, int gpu) {
    return plus(tasks, cpu, memory, gpu, 0);
  }

  /**
   * This node with one more task holding the given resources and estimate (negative to release).
   */
  public NodeView plus(int tasks, double cpu, long memory, int gpu, long estimateMillis) {
    return new NodeView(
        nodeId,
        memberUuid,
        cpuCores,
        memoryMb,
        gpus,
        capabilities,
        cost,
        reputation,
        Math.max(0, held + tasks),
        Math.max(0, usedCpu + cpu),
        Math.max(0, usedMemoryMb + memory),
        Math.max(0, usedGpus + gpu),
        Math.max(0, backlogMillis + estimateMillis));
  }

  /** Whether it is a client-side worker. */
  public boolean worker() {
    return memberUuid.isEmpty();
  }

  /** Share of its CPU held, 0..1 (may exceed 1 when strategies over-commit). */
  public double cpuUtilization() {
    return usedCpu / cpuCores;
  }
}
