package io.swarmgrid.plugin.balance.internal;

/**
 * What the tasks a node holds (assigned or running) use together.
 *
 * @param held how many tasks
 * @param cpu cores they require
 * @param memoryMb memory they require, MiB
 * @param gpus GPUs they require
 * @param backlogMillis the sum of their estimates, ms
 */
record NodeUsage(int held, double cpu, long memoryMb, int gpus, long backlogMillis) {
  static final NodeUsage NONE = new NodeUsage(0, 0, 0, 0, 0);

  /** The usage of one task with these requirements. */
  static NodeUsage ofTask(double cpu, long memoryMb, int gpus, long estimateMillis) {
    return new NodeUsage(1, cpu, memoryMb, gpus, estimateMillis);
  }

  /** The usage of both together. */
  NodeUsage plus(NodeUsage other) {
    return new NodeUsage(
        held + other.held,
        cpu + other.cpu,
        memoryMb + other.memoryMb,
        gpus + other.gpus,
        backlogMillis + other.backlogMillis);
  }
}
