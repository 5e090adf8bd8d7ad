package io.swarmgrid.plugin.balance.internal;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.plugin.balance.NodeView;
import io.swarmgrid.plugin.balance.ResourceAllocator;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskState;
import io.swarmgrid.storage.balance.TaskStore;
import io.swarmgrid.tasks.balance.TaskContext;
import io.swarmgrid.tasks.balance.TaskHandler;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a task whose handler finishes at once inside the entry processor that assigns it, when the
 * chosen node is this member's: start, run and completion become one change of the entry (and one
 * backup), instead of a hand-over to a runner thread and two more processors. The failure rule is
 * the runner's: re-queued until {@code balance.max-attempts}, then failed.
 */
public final class InstantRunner {
  private final HazelcastInstance hz;
  private final Map<String, TaskHandler> handlers;
  private final ResourceAllocator allocator;
  private final int maxAttempts;

  /** A runner over this member's {@code handlers}. */
  public InstantRunner(
      HazelcastInstance hz,
      Map<String, TaskHandler> handlers,
      ResourceAllocator allocator,
      int maxAttempts) {
    this.hz = hz;
    this.handlers = handlers;
    this.allocator = allocator;
    this.maxAttempts = maxAttempts;
  }

  /** {@code assigned} after its run here, or empty if it is not for an at-once handler here. */
  public Optional<Task> run(Task assigned) {
    TaskHandler h = handlers.get(assigned.type());
    if (h == null || !h.finishesAtOnce() || !onThisMember(assigned.node())) {
      return Optional.empty();
    }
    Task running = assigned.started(System.currentTimeMillis());
    try {
      String result = TaskStore.checkPayload("result", h.run(new Context(running)));
      return Optional.of(running.done(result, System.currentTimeMillis()));
    } catch (Exception e) {
      String why =
          "attempt "
              + running.attempts()
              + " on "
              + running.node()
              + " failed: "
              + TaskStore.clip(e.getMessage());
      return Optional.of(
          running.attempts() >= maxAttempts
              ? running.withState(TaskState.FAILED, why, System.currentTimeMillis())
              : running.requeued(why));
    }
  }

  private boolean onThisMember(String nodeId) {
    String local = hz.getCluster().getLocalMember().getUuid().toString();
    return allocator.pool(nodeId).map(NodeView::memberUuid).filter(local::equals).isPresent();
  }

  /** What an at-once handler sees: no progress to report, it is done when it returns. */
  private record Context(Task task) implements TaskContext {
    @Override
    public String nodeId() {
      return task.node();
    }

    @Override
    public HazelcastInstance hazelcast() {
      throw new IllegalStateException(
          "a handler that finishes at once runs on a partition thread and must not call the grid");
    }

    @Override
    public boolean progress(double fraction) {
      return true;
    }
  }
}
