package io.swarmgrid.plugin.balance.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.BalanceConfig;
import io.swarmgrid.plugin.balance.BalanceStrategy;
import io.swarmgrid.plugin.balance.Balancer;
import io.swarmgrid.plugin.balance.NodeView;
import io.swarmgrid.plugin.balance.Placement;
import io.swarmgrid.plugin.balance.ResourceAllocator;
import io.swarmgrid.plugin.balance.Weights;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskState;
import io.swarmgrid.storage.balance.TaskStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chooses a node for a task, the same way for a new task on submit ({@link #decide}) and for a
 * queued one in the sweep ({@link #assignQueued}): among the live nodes that take its type, none if
 * no node could ever meet its requirements (unschedulable, with the reason), else the type's
 * strategy weighed with cost, reliability and data affinity. A placement is booked in the allocator
 * at once, so that the next choice before the sweep sees it.
 */
public final class TaskPlacer {
  private final HazelcastInstance hz;
  private final BalanceConfig config;
  private final Weights weights;
  private final TaskStore store;
  private final FleetView fleet;
  private final ResourceAllocator allocator;
  private final StrategyBook strategies;
  private final BalanceMetrics metrics;
  private final TaskRouter router;
  // Tasks held in swarm.tasks, counted exactly every sweep and approximately between sweeps.
  private final AtomicInteger approxSize = new AtomicInteger();
  // Queued tasks on this member's partitions: counted exactly when the sweep reads them, followed
  // by the transitions in between.
  private final AtomicInteger queuedHere = new AtomicInteger();

  /** A placer over the given fleet and allocator. */
  public TaskPlacer(
      HazelcastInstance hz,
      BalanceConfig config,
      TaskStore store,
      FleetView fleet,
      ResourceAllocator allocator,
      StrategyBook strategies,
      BalanceMetrics metrics,
      TaskRouter router) {
    this.hz = hz;
    this.config = config;
    this.weights = Weights.of(config);
    this.store = store;
    this.fleet = fleet;
    this.allocator = allocator;
    this.strategies = strategies;
    this.metrics = metrics;
    this.router = router;
  }

  /**
   * The choice for one task: unschedulable with a reason, waiting with a reason, or a placement.
   */
  private record Choice(
      Optional<String> unschedulable, Optional<Placement> placement, String waitReason) {}

  /**
   * Validates a new task and decides, without storing it, what it becomes.
   *
   * @throws IllegalArgumentException for a bad task (field and value named)
   * @throws IllegalStateException when {@code balance.max-tasks} is reached
   */
  public Task decide(Task task) {
    return decide(task, dataOwner(task));
  }

  /**
   * {@link #decide(Task)} where the owner of the task's data key's partition is known: the member
   * {@code dataOwner} (a UUID), such as the local member inside an entry processor on the task's
   * key, whose partition is the data key's.
   */
  public Task decide(Task task, String dataOwner) {
    long now = System.currentTimeMillis();
    if (task.estimatedMillis() > config.maxEstimateMillis()) {
      throw new IllegalArgumentException(
          "estimatedMillis: "
              + task.estimatedMillis()
              + " is more than balance.max-estimate-millis ("
              + config.maxEstimateMillis()
              + ")");
    }
    if (task.deadline() > 0 && task.deadline() < now) {
      throw new IllegalArgumentException(
          "deadline: " + task.deadline() + " has passed (now " + now + ")");
    }
    if (task.state() != TaskState.QUEUED || task.epoch() != 0) {
      throw new IllegalArgumentException("state: " + task.state() + " is not a new queued task");
    }
    if (approxSize.get() >= config.maxTasks()) {
      throw new IllegalStateException(
          "balance.max-tasks: " + config.maxTasks() + " tasks are held; finish or cancel some");
    }
    Choice c = choose(task, dataOwner);
    if (c.unschedulable().isPresent()) {
      return task.withState(TaskState.UNSCHEDULABLE, c.unschedulable().get(), now);
    }
    if (c.placement().isEmpty()) {
      return task.withState(TaskState.QUEUED, c.waitReason(), now);
    }
    Placement p = c.placement().get();
    return task.assignedTo(p.node().nodeId(), p.predictedMillis(), now);
  }

  /** Stores a task {@link #decide} answered for; an existing id is refused by the store. */
  public void add(Task decided) {
    store.add(decided, approxSize.get());
  }

  /** Counts a stored task and, if it is assigned, books it and starts it on its node. */
  public void stored(Task task) {
    approxSize.incrementAndGet();
    queueChanged(null, task);
    if (task.attempts() > 0) {
      ranAtOnce(task);
      return;
    }
    if (task.state() != TaskState.ASSIGNED) {
      return;
    }
    NodeView to = allocator.pool(task.node()).orElse(null);
    if (to == null) {
      return; // left the fleet meanwhile: the sweep re-queues the task
    }
    booked(task, to);
    // Off the caller's thread (it may be a partition thread): dispatching can call another member.
    router.offCaller("balance.dispatch", () -> router.dispatch(task.taskId(), to, task.epoch()));
  }

  /**
   * Counts a task that ran at once inside its submission (nothing stays booked) and teaches the
   * predictive strategy its run time, off the caller (a partition thread).
   */
  private void ranAtOnce(Task task) {
    metrics.assigned();
    if (task.state() == TaskState.QUEUED) {
      router.offCaller("balance.assign", () -> assignQueued(task));
      return;
    }
    if (task.state() != TaskState.DONE) {
      return;
    }
    strategies
        .predictiveFor(task.type())
        .ifPresent(
            ps ->
                allocator
                    .pool(task.node())
                    .ifPresent(
                        to ->
                            router.offCaller(
                                "balance.learn",
                                () -> {
                                  ps.placed(task, to);
                                  ps.learn(
                                      task.taskId(),
                                      Math.max(0, task.finishedAt() - task.assignedAt()));
                                })));
  }

  /** Assigns a queued task of this member's partitions, if a node can take it now. */
  void assignQueued(Task t) {
    long now = System.currentTimeMillis();
    if (t.state() != TaskState.QUEUED) {
      return;
    }
    if (t.deadline() > 0 && t.deadline() < now) {
      store.expire(t.taskId(), now);
      return;
    }
    Choice c = choose(t, dataOwner(t));
    if (c.unschedulable().isPresent()) {
      store.unschedulable(t.taskId(), c.unschedulable().get(), now);
      return;
    }
    if (c.placement().isEmpty()) {
      return;
    }
    Placement p = c.placement().get();
    NodeView to = p.node();
    long epoch = store.assign(t.taskId(), to.nodeId(), p.predictedMillis(), now);
    if (epoch > 0) {
      booked(t.assignedTo(to.nodeId(), p.predictedMillis(), now), to);
      router.dispatch(t.taskId(), to, epoch);
    }
  }

  /** Queued tasks on this member's partitions, as counted. */
  int queuedHere() {
    return queuedHere.get();
  }

  /** Sets the count of queued tasks on this member's partitions. */
  void queuedHere(int count) {
    queuedHere.set(count);
  }

  /** Follows a task's move into or out of the queue on this member's partitions. */
  void queueChanged(Task before, Task after) {
    boolean was = before != null && before.state() == TaskState.QUEUED;
    boolean is = after != null && after.state() == TaskState.QUEUED;
    if (is && !was) {
      queuedHere.incrementAndGet();
    } else if (was && !is) {
      queuedHere.updateAndGet(n -> Math.max(0, n - 1));
    }
  }

  /** Sets the count of held tasks to what the store holds now. */
  void recount() {
    approxSize.set(store.size());
  }

  private Choice choose(Task task, String dataOwner) {
    List<NodeView> candidates = fleet.candidatesFor(task.type());
    if (candidates.isEmpty()) {
      return new Choice(
          Optional.empty(),
          Optional.empty(),
          "waiting: no live node takes type '" + task.type() + "'");
    }
    Optional<String> impossible = Balancer.unschedulableReason(task.requirements(), candidates);
    if (impossible.isPresent()) {
      return new Choice(impossible, Optional.empty(), "");
    }
    BalanceStrategy s = strategies.forType(task.type());
    return new Choice(
        Optional.empty(),
        Balancer.choose(s, task, candidates, weights, dataOwner),
        "waiting for free resources");
  }

  private void booked(Task assigned, NodeView to) {
    metrics.assigned();
    allocator.allocate(to.nodeId(), assigned.requirements(), assigned.estimatedMillis(), true);
    strategies
        .predictiveFor(assigned.type())
        .ifPresent(ps -> ps.placed(assigned, allocator.pool(to.nodeId()).orElse(to)));
  }

  private String dataOwner(Task t) {
    if (t.dataKey().isEmpty()) {
      return "";
    }
    Member owner = hz.getPartitionService().getPartition(t.dataKey()).getOwner();
    return owner == null ? "" : owner.getUuid().toString();
  }
}
