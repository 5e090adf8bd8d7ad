package io.swarmgrid.plugin.diffusion.internal;

import io.swarmgrid.tasks.diffusion.DiffusionTask;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.TimeUnit;

/**
 * The running tasks this member holds, each waiting until a worker should look at it again. A task
 * is in the queue at most once: a worker takes it out, and puts it back when it is done with it.
 */
public final class WorkQueue {
  private final Map<String, TaskWork> work = new ConcurrentHashMap<>();
  private final DelayQueue<TaskWork> ready = new DelayQueue<>();
  private final String localNodeId;

  /** A queue for the member whose own node is {@code localNodeId}. */
  public WorkQueue(String localNodeId) {
    this.localNodeId = localNodeId;
  }

  /** Records that local node {@code nodeId} holds {@code task}; queues the task if it is new. */
  void hold(DiffusionTask task, String nodeId) {
    boolean[] created = {false};
    TaskWork w =
        work.computeIfAbsent(
            task.taskId(),
            id -> {
              created[0] = true;
              return new TaskWork(task, localNodeId);
            });
    if (!w.holders.contains(nodeId)) {
      w.holders.add(nodeId);
    }
    if (created[0]) {
      ready.offer(w);
      return;
    }
    // A hop raised the energy of another local node, or of the same one after the task stalled
    // and was re-injected. What this member believed agreed may have been undone since (a
    // split-brain merge keeps one side's share of a chunk), and if every member skips such a chunk
    // for ever nobody processes it: forget those beliefs, the next claim round asks the shares
    // again (one more round of answers during a first spread over virtual nodes).
    synchronized (w) {
      w.agreed.clear();
      w.forgetTaken();
    }
  }

  /** Forgets which chunks were taken and brings every waiting task forward (a member left). */
  public void wakeAll() {
    for (TaskWork w : work.values()) {
      synchronized (w) {
        w.forgetTaken();
        // Waiting: bring it forward (a worker holding it now puts it back itself).
        if (w.queued && ready.remove(w)) {
          w.retryAt = 0;
          ready.offer(w);
        }
      }
    }
  }

  /** The next task due, waiting up to {@code millis}; null if none. */
  TaskWork poll(long millis) throws InterruptedException {
    TaskWork w = ready.poll(millis, TimeUnit.MILLISECONDS);
    if (w != null) {
      w.queued = false;
    }
    return w;
  }

  /** Puts {@code w} back, due in {@code delayMillis}, unless its task is gone. */
  void requeue(TaskWork w, long delayMillis) {
    synchronized (w) {
      if (w.gone) {
        w.queued = false;
        return;
      }
      w.retryAt = System.currentTimeMillis() + delayMillis;
      w.queued = true;
      ready.offer(w);
    }
  }

  /** Forgets a task that is finished or expired. */
  void remove(TaskWork w) {
    work.remove(w.task.taskId());
  }
}
