package io.swarmgrid.plugin.balance.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import io.swarmgrid.config.BalanceConfig;
import io.swarmgrid.plugin.balance.ResourceAllocator;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskKey;
import io.swarmgrid.storage.balance.TaskStore;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upkeep every {@code balance.sweep-millis}, each member for its own partitions: refresh the
 * fleet and the meters, re-queue the tasks of lost nodes and the stale tasks of live ones (assigned
 * and not started within {@code balance.assigned-timeout-millis}, or running with a lapsed lease),
 * assign queued tasks; the oldest member also rebalances. Each step that fails is reported and the
 * next sweep tries again.
 */
public final class Sweeper {
  private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);
  private static final int MAX_ASSIGN_PER_SWEEP = 2_000;

  private final HazelcastInstance hz;
  private final BalanceConfig config;
  private final TaskStore store;
  private final FleetView fleet;
  private final ResourceAllocator allocator;
  private final TaskPlacer placer;
  private final Rebalancer rebalancer;
  private final BalanceMetrics metrics;
  private final BooleanSupplier running;

  /** A sweeper; {@code running} is false once the engine stops. */
  public Sweeper(
      HazelcastInstance hz,
      BalanceConfig config,
      TaskStore store,
      FleetView fleet,
      ResourceAllocator allocator,
      TaskPlacer placer,
      Rebalancer rebalancer,
      BalanceMetrics metrics,
      BooleanSupplier running) {
    this.hz = hz;
    this.config = config;
    this.store = store;
    this.fleet = fleet;
    this.allocator = allocator;
    this.placer = placer;
    this.rebalancer = rebalancer;
    this.metrics = metrics;
    this.running = running;
  }

  /** One sweep. */
  public void sweep() {
    step("fleet", fleet::refresh);
    step("meters", () -> metrics.publish(allocator));
    step("count", placer::recount);
    step("requeue", this::requeueLost);
    step("stale", this::requeueStale);
    step("assign", this::assignLocalQueue);
    step(
        "rebalance",
        () -> {
          if (oldest()) {
            rebalancer.rebalance();
          }
        });
  }

  private void requeueLost() {
    Set<String> alive = fleet.live();
    // Only the held tasks of nodes not alive: reading every held task each sweep was a large share
    // of a busy member's CPU (profiled in the assignment bench).
    Predicate<TaskKey, Task> lost =
        alive.isEmpty()
            ? TaskQueries.HELD
            : Predicates.and(
                TaskQueries.HELD,
                Predicates.not(Predicates.in("node", alive.toArray(String[]::new))));
    Set<TaskKey> keys = store.map().localKeySet(lost);
    if (keys.isEmpty()) {
      return;
    }
    for (Task t : store.map().getAll(keys).values()) {
      if (t.state().held() && !alive.contains(t.node())) {
        if (store.requeue(t.taskId(), t.node(), t.epoch(), "node " + t.node() + " was lost")) {
          metrics.requeued();
          LOG.info("task {} re-queued: its node {} was lost", t.taskId(), t.node());
        }
      }
    }
  }

  private void requeueStale() {
    long assignedTimeout = config.assignedTimeoutMillis();
    long lease = config.runningLeaseMillis();
    Set<TaskKey> keys =
        store
            .map()
            .localKeySet(TaskQueries.stale(System.currentTimeMillis(), assignedTimeout, lease));
    for (TaskKey k : keys) {
      // The processor checks again on the owner: a start or renewal since the query wins.
      store
          .requeueStale(k.taskId(), assignedTimeout, lease)
          .ifPresent(
              why -> {
                metrics.requeued();
                LOG.info("task {} re-queued: {}", k.taskId(), why);
              });
    }
  }

  private void assignLocalQueue() {
    Set<TaskKey> keys = store.map().localKeySet(TaskQueries.QUEUED);
    if (keys.isEmpty()) {
      return;
    }
    List<Task> queued = new ArrayList<>(store.map().getAll(keys).values());
    queued.sort(
        Comparator.comparingInt(Task::priority).reversed().thenComparingLong(Task::submittedAt));
    int n = 0;
    for (Task t : queued) {
      if (n++ >= MAX_ASSIGN_PER_SWEEP || !running.getAsBoolean()) {
        break;
      }
      placer.assignQueued(t);
    }
  }

  private boolean oldest() {
    return hz.getCluster().getMembers().iterator().next().localMember();
  }

  private void step(String what, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      if (running.getAsBoolean() && hz.getLifecycleService().isRunning()) {
        BackgroundFailures.report("balance.sweep." + what, e);
      }
    }
  }
}
