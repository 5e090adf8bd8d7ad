package io.swarmgrid.plugin.diffusion.internal;

import io.swarmgrid.tasks.diffusion.DiffusionTask;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * One running task as this member works on it: its local holders, what it knows of its chunks, and
 * when a worker should look at it next (it waits in the {@link WorkQueue} until then). Workers
 * change it under its lock.
 */
final class TaskWork implements Delayed {
  final DiffusionTask task;
  final List<String> holders = new CopyOnWriteArrayList<>();
  final BitSet agreed = new BitSet();
  // When this member last claimed each chunk, or found it taken: not asked again for 250 ms.
  final long[] takenAt;
  // Where this member starts looking, so that members start on different chunks.
  final int offset;
  int turn;
  volatile long retryAt;
  volatile boolean gone;
  volatile boolean queued = true;

  TaskWork(DiffusionTask task, String localNodeId) {
    this.task = task;
    this.takenAt = new long[task.chunks().size()];
    this.offset =
        task.chunks().isEmpty() ? 0 : Math.floorMod(localNodeId.hashCode(), task.chunks().size());
  }

  /** The local holder whose turn it is to claim. */
  String nextHolder() {
    return holders.get(Math.floorMod(turn++, holders.size()));
  }

  void forgetTaken() {
    Arrays.fill(takenAt, 0);
  }

  @Override
  public long getDelay(TimeUnit unit) {
    return unit.convert(retryAt - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public int compareTo(Delayed o) {
    return Long.compare(retryAt, ((TaskWork) o).retryAt);
  }
}
