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
 * next sweep tries again. Most sweeps work from counters: the fleet's usage is the allocator's,
 * lost nodes are looked for when the live set changed, stale tasks every quarter of the shorter
 * timeout, queued ones while this member's partitions hold some; every tenth sweep counts and looks
 * at everything again.
 */
public final class Sweeper {
  private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);
  private static final int MAX_ASSIGN_PER_SWEEP = 2_000;
  private static final int FULL_EVERY = 10;

  private final HazelcastInstance hz;
  private final BalanceConfig config;
  private final TaskStore store;
  private final FleetView fleet;
  private final ResourceAllocator allocator;
  private final TaskPlacer placer;
  private final Rebalancer rebalancer;
  private final BalanceMetrics metrics;
  private final BooleanSupplier running;
  private final long staleEvery;
  private long sweeps;
  private long lastStaleCheck;
  private Set<String> lastLive = Set.of();

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
    // A quarter of the shorter timeout finds a stale task soon enough; a query each sweep was most
    // of an idle member's work.
    this.staleEvery =
        Math.max(
            config.sweepMillis(),
            Math.min(config.assignedTimeoutMillis(), config.runningLeaseMillis()) / 4);
  }

  /** One sweep. */
  public void sweep() {
    // Every FULL_EVERY-th sweep counts and looks at everything again (drift after migrations,
    // writes that bypassed the processors); the others work from the counters.
    boolean full = sweeps++ % FULL_EVERY == 0;
    step("fleet", () -> fleet.refresh(full));
    step("meters", () -> metrics.publish(allocator));
    if (full) {
      step("count", placer::recount);
    }
    Set<String> alive = fleet.live();
    if (full || !alive.equals(lastLive)) {
      step("requeue", this::requeueLost);
      lastLive = alive;
    }
    long now = System.currentTimeMillis();
    if (full || now - lastStaleCheck >= staleEvery) {
      lastStaleCheck = now;
      step("stale", this::requeueStale);
    }
    if (full || placer.queuedHere() > 0) {
      step("assign", this::assignLocalQueue);
    }
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
    placer.queuedHere(keys.size());
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
