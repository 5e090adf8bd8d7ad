package io.swarmgrid.plugin.balance.internal;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskStore;
import io.swarmgrid.tasks.balance.TaskContext;
import io.swarmgrid.tasks.balance.TaskHandler;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the tasks held by this member's node with the handlers registered for their types: starts
 * the task at its epoch (a stale epoch means it moved meanwhile, and nothing runs), then records
 * its result or its failure. While the handler runs, the runner renews the task's lease every third
 * of {@code balance.running-lease-millis}, so that only a run that stopped (its member restarted
 * with the same node id, its thread stuck out of the handler) lets it lapse.
 */
public final class TaskRunner {
  private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

  private final HazelcastInstance hz;
  private final TaskStore store;
  private final Map<String, TaskHandler> handlers;
  private final int maxAttempts;
  private final ScheduledExecutorService leases;
  private final long leaseMillis;
  private final BooleanSupplier running;
  private final Executor executor;

  /**
   * A runner with {@code handlers} by type, running them on {@code executor}; {@code running} is
   * false once the engine stops.
   */
  public TaskRunner(
      HazelcastInstance hz,
      TaskStore store,
      Map<String, TaskHandler> handlers,
      int maxAttempts,
      ScheduledExecutorService leases,
      long leaseMillis,
      BooleanSupplier running,
      Executor executor) {
    this.hz = hz;
    this.store = store;
    this.handlers = handlers;
    this.maxAttempts = maxAttempts;
    this.leases = leases;
    this.leaseMillis = leaseMillis;
    this.running = running;
    this.executor = executor;
  }

  /**
   * Runs task {@code taskId} as node {@code nodeId} if it is still held there at {@code epoch}.
   * Returns at once: the start is sent without waiting, the handler runs on {@code executor} when
   * the start is answered, and its completion or failure is sent without waiting either.
   */
  void run(String taskId, String nodeId, long epoch) {
    store
        .startAndGetAsync(taskId, nodeId, epoch, System.currentTimeMillis())
        .whenCompleteAsync(
            (t, e) -> {
              if (e != null) {
                LOG.debug("could not start task {}: {}", taskId, e.toString());
              } else if (t != null) {
                execute(t, nodeId, epoch);
              }
            },
            executor);
  }

  private void execute(Task t, String nodeId, long epoch) {
    String taskId = t.taskId();
    TaskHandler h = handlers.get(t.type());
    ScheduledFuture<?> renewal = renewWhileRunning(taskId, nodeId, epoch);
    String result;
    try {
      if (h == null) {
        throw new IllegalStateException(
            "no handler for type '"
                + t.type()
                + "' on member "
                + hz.getCluster().getLocalMember().getUuid());
      }
      result = h.run(new Context(t, nodeId, epoch));
    } catch (Exception e) {
      if (renewal != null) {
        renewal.cancel(false);
      }
      if (!running.getAsBoolean() || e instanceof InterruptedException) {
        // This member is stopping: not the task's failure. Its node is lost and the sweep
        // re-queues it.
        return;
      }
      store
          .failAsync(taskId, nodeId, epoch, e.getMessage(), maxAttempts, System.currentTimeMillis())
          .exceptionally(
              again -> {
                LOG.debug("could not record the failure of {}: {}", taskId, again.toString());
                return null;
              });
      return;
    }
    if (renewal != null) {
      renewal.cancel(false);
    }
    try {
      store
          .completeAsync(taskId, nodeId, epoch, result, System.currentTimeMillis())
          .exceptionally(
              e -> {
                // Not held any more (moved, cancelled) or the grid failed: the sweep decides.
                LOG.debug("could not complete {}: {}", taskId, e.toString());
                return false;
              });
    } catch (IllegalArgumentException oversized) {
      store.failAsync(
          taskId, nodeId, epoch, oversized.getMessage(), maxAttempts, System.currentTimeMillis());
    }
  }

  private ScheduledFuture<?> renewWhileRunning(String taskId, String nodeId, long epoch) {
    long every = Math.max(1, leaseMillis / 3);
    try {
      return leases.scheduleAtFixedRate(
          () -> {
            try {
              store.renew(taskId, nodeId, epoch);
            } catch (RuntimeException e) {
              LOG.debug("could not renew the lease of {}: {}", taskId, e.toString());
            }
          },
          every,
          every,
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      return null; // stopping: the lease lapses and the task is re-queued
    }
  }

  private final class Context implements TaskContext {
    private final Task task;
    private final String nodeId;
    private final long epoch;

    Context(Task task, String nodeId, long epoch) {
      this.task = task;
      this.nodeId = nodeId;
      this.epoch = epoch;
    }

    @Override
    public Task task() {
      return task;
    }

    @Override
    public String nodeId() {
      return nodeId;
    }

    @Override
    public HazelcastInstance hazelcast() {
      return hz;
    }

    @Override
    public boolean progress(double fraction) {
      return store.progress(task.taskId(), nodeId, epoch, fraction);
    }
  }
}
