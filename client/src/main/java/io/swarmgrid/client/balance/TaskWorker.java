package io.swarmgrid.client.balance;

/**
 * A running worker loop: a client-side node that takes the tasks assigned to it, runs them with its
 * handlers, and reports progress, result or failure. It heart-beats into the node registry and
 * renews the leases of the tasks it runs ({@code balance.running-lease-millis}) while it runs;
 * close it to stop (its node then ages out, and tasks it still held are re-queued).
 */
public interface TaskWorker extends AutoCloseable {
  /** The worker's node id. */
  String nodeId();

  /** Tasks this worker completed. */
  long completed();

  /** Tasks this worker reported failed. */
  long failed();

  /** Stops taking tasks and heart-beating; tasks running now are interrupted and not reported. */
  @Override
  void close();
}
