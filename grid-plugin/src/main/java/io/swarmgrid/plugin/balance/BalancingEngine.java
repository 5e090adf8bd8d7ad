package io.swarmgrid.plugin.balance;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.projection.Projections;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import io.swarmgrid.config.BalancingConfig;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.ml.LoadMetrics;
import io.swarmgrid.plugin.engine.SwarmEngine;
import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskKey;
import io.swarmgrid.storage.balance.TaskRequest;
import io.swarmgrid.storage.balance.TaskState;
import io.swarmgrid.storage.balance.TaskStore;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.reputation.Reputation;
import io.swarmgrid.storage.reputation.ReputationStore;
import io.swarmgrid.tasks.balance.BalanceTasks;
import io.swarmgrid.tasks.balance.MemberStats;
import io.swarmgrid.tasks.balance.SubmitReceipt;
import io.swarmgrid.tasks.balance.TaskContext;
import io.swarmgrid.tasks.balance.TaskHandler;
import io.swarmgrid.tasks.balance.TaskScheduler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The member side of load balancing ({@code swarmgrid.engines.balance: true}). A task is submitted
 * on the member owning its data key's partition ({@link BalanceTasks#place}, one entry processor on
 * the task's key); that member chooses a node with the task type's strategy ({@code
 * balancing.strategy} / {@code strategies}) weighed with cost, reliability and data affinity, and
 * stores the task already assigned. A task for a member node runs there with the handler registered
 * for its type; a task for a client-side worker waits until the worker takes it.
 *
 * <p>Every {@code balancing.sweep-millis} each member, for its own partitions, re-queues the tasks
 * of lost nodes (a member that left the cluster, a worker whose heartbeat is older than {@code
 * worker-timeout-millis}, a node marked gone) and assigns queued tasks; the oldest member also
 * rebalances. Quarantined nodes get nothing.
 */
public final class BalancingEngine implements SwarmEngine, LoadBalancer, TaskScheduler {
  /** User-context key under which a running engine is found. */
  public static final String USER_CONTEXT_KEY = "swarmgrid.balance-engine";

  /** Capability a worker node declares to take tasks of every type. */
  public static final String ANY_TYPE = "task:*";

  private static final Logger LOG = LoggerFactory.getLogger(BalancingEngine.class);
  private static final Predicate<TaskKey, Task> HELD =
      Predicates.in("state", TaskState.ASSIGNED.name(), TaskState.RUNNING.name());
  private static final Predicate<TaskKey, Task> QUEUED =
      Predicates.equal("state", TaskState.QUEUED.name());
  private static final int MAX_ASSIGN_PER_SWEEP = 2_000;

  private volatile SwarmNode node;
  private HazelcastInstance hz;
  private BalancingConfig config;
  private Weights weights;
  private TaskStore store;
  private NodeRegistry registry;
  private ReputationStore reputations;
  private final ResourceAllocator allocator = new ResourceAllocator();
  private final Map<String, BalancingStrategy> strategies = new ConcurrentHashMap<>();
  private final Map<String, TaskHandler> handlers = new ConcurrentHashMap<>();
  private volatile Set<String> live = Set.of();
  private final AtomicLong assignments = new AtomicLong();
  private final AtomicLong rebalanced = new AtomicLong();
  private final AtomicLong requeued = new AtomicLong();
  private final AtomicInteger approxSize = new AtomicInteger();
  private volatile double rate;
  private long rateCount;
  private long rateAt;
  private ExecutorService runner;
  private ScheduledExecutorService sweeper;
  private UUID listener;
  private io.micrometer.core.instrument.MultiGauge utilizationGauge;
  private io.micrometer.core.instrument.MultiGauge heldGauge;

  /** The balancing engine running in {@code member}, if any. */
  public static Optional<BalancingEngine> of(HazelcastInstance member) {
    Object e = member.getUserContext().get(USER_CONTEXT_KEY);
    return e instanceof BalancingEngine b && b.node != null ? Optional.of(b) : Optional.empty();
  }

  @Override
  public EngineKind kind() {
    return EngineKind.BALANCE;
  }

  @Override
  public void start(SwarmNode n) {
    this.hz = n.hazelcast();
    this.config = n.config().balancing();
    this.weights = Weights.of(config);
    this.store = new TaskStore(hz, config.maxTasks(), config.finishedTtlSeconds());
    this.registry = new NodeRegistry(hz);
    this.reputations = new ReputationStore(hz);
    strategy(config.strategy());
    config.strategies().values().forEach(this::strategy);
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    this.runner =
        Executors.newFixedThreadPool(
            threads, r -> daemon(r, "swarmgrid-balance-run-" + hz.getName()));
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "swarmgrid-balance-sweep-" + hz.getName()));
    this.node = n;
    hz.getUserContext().put(USER_CONTEXT_KEY, this);
    hz.getUserContext().put(TaskScheduler.USER_CONTEXT_KEY, this);
    // The sweeps and workers query by state, and by node and state together; without indexes each
    // query scans every task. A node's tasks together (an index on node alone) include every
    // finished
    // one, copied out at each worker poll and rebalance (profiled: a fifth of the members' CPU in
    // the
    // assignment bench), so node is indexed only with state.
    store.map().addIndex(com.hazelcast.config.IndexType.HASH, "state");
    store.map().addIndex(com.hazelcast.config.IndexType.HASH, "node", "state");
    refreshFleet();
    rateAt = System.nanoTime();
    registerMeters(n.meters());
    listener =
        store.map().addLocalEntryListener((EntryUpdatedListener<TaskKey, Task>) this::updated);
    sweeper.scheduleWithFixedDelay(
        this::sweep, config.sweepMillis(), config.sweepMillis(), TimeUnit.MILLISECONDS);
    LOG.info(
        "balancing engine started on {}: strategy {}, per type {}",
        n.nodeId(),
        config.strategy(),
        config.strategies());
  }

  @Override
  public synchronized void stop() {
    SwarmNode n = node;
    if (n == null) {
      return;
    }
    node = null;
    sweeper.shutdownNow();
    runner.shutdownNow();
    try {
      hz.getUserContext().remove(USER_CONTEXT_KEY);
      hz.getUserContext().remove(TaskScheduler.USER_CONTEXT_KEY);
      store.map().removeEntryListener(listener);
    } catch (RuntimeException e) {
      LOG.debug("could not remove the task listener while stopping", e);
    }
  }

  // ---- LoadBalancer ----

  @Override
  public SubmitReceipt submit(TaskRequest request) {
    return BalanceTasks.submit(store.map(), request);
  }

  @Override
  public Optional<Task> status(String taskId) {
    return store.get(taskId);
  }

  @Override
  public TaskState cancel(String taskId) {
    return store.cancel(taskId, System.currentTimeMillis());
  }

  @Override
  public void registerHandler(String type, TaskHandler handler) {
    TaskStore.checkText("type", type);
    handlers.put(type, java.util.Objects.requireNonNull(handler, "handler"));
  }

  @Override
  public List<NodeView> fleet() {
    return allocator.pools();
  }

  @Override
  public MemberStats stats() {
    Optional<LoadMetrics> m = predictorMetrics();
    long samples =
        strategies.values().stream()
            .filter(s -> s instanceof PredictiveStrategy)
            .mapToLong(s -> ((PredictiveStrategy) s).learned())
            .sum();
    return new MemberStats(
        hz.getCluster().getLocalMember().getUuid().toString(),
        assignments.get(),
        rate,
        rebalanced.get(),
        requeued.get(),
        m.isPresent(),
        m.map(LoadMetrics::meanAbsoluteErrorMs).orElse(-1.0),
        m.map(LoadMetrics::baselineMeanAbsoluteErrorMs).orElse(-1.0),
        (int) Math.min(Integer.MAX_VALUE, samples),
        allocator.utilization(),
        allocator.held());
  }

  @Override
  public Optional<LoadMetrics> predictorMetrics() {
    return strategies.values().stream()
        .filter(s -> s instanceof PredictiveStrategy)
        .map(s -> ((PredictiveStrategy) s).metrics())
        .flatMap(Optional::stream)
        .findFirst();
  }

  @Override
  public ResourceAllocator allocator() {
    return allocator;
  }

  @Override
  public int rebalance() {
    Map<String, Integer> loads = new HashMap<>();
    List<NodeView> fleet = allocator.pools();
    for (NodeView v : fleet) {
      loads.put(v.nodeId(), 0);
    }
    store.loads().forEach((k, v) -> loads.computeIfPresent(k, (kk, old) -> v));
    Map<String, NodeView> byId = new HashMap<>();
    fleet.forEach(v -> byId.put(v.nodeId(), v));
    int moved = 0;
    Set<String> exhausted = new HashSet<>();
    for (int round = 0; round < 10_000 && loads.size() > 1; round++) {
      String busiest =
          loads.entrySet().stream()
              .filter(e -> !exhausted.contains(e.getKey()))
              .max(Map.Entry.comparingByValue())
              .map(Map.Entry::getKey)
              .orElse(null);
      if (busiest == null) {
        break;
      }
      int min = loads.values().stream().min(Integer::compare).orElse(0);
      if (loads.get(busiest) - min <= config.skewThreshold()) {
        break;
      }
      boolean movedOne = false;
      List<Task> queued = new ArrayList<>(store.assignedTo(busiest));
      queued.sort(Comparator.comparingLong(Task::assignedAt).reversed());
      NodeView from = byId.get(busiest);
      for (Task t : queued) {
        if (pinnedToData(t, from)) {
          continue;
        }
        List<NodeView> targets = new ArrayList<>();
        for (NodeView v : candidatesFor(t.type())) {
          if (!v.nodeId().equals(busiest)
              && loads.getOrDefault(v.nodeId(), 0) + 1 < loads.get(busiest)) {
            targets.add(v);
          }
        }
        if (targets.isEmpty()) {
          continue;
        }
        // Predictive rebalancing: the target is the node with the lowest forecast completion time.
        BalancingStrategy s = strategy(config.strategyFor(t.type()));
        Optional<Placement> p =
            s instanceof PredictiveStrategy
                ? Balancer.choose(s, t, targets, Weights.STRATEGY_ONLY, "")
                : Balancer.choose(
                    new LeastConnectionsStrategy(), t, targets, Weights.STRATEGY_ONLY, "");
        if (p.isEmpty()) {
          continue;
        }
        String to = p.get().node().nodeId();
        if (store.move(
            t.taskId(), busiest, to, p.get().predictedMillis(), System.currentTimeMillis())) {
          loads.merge(busiest, -1, Integer::sum);
          loads.merge(to, 1, Integer::sum);
          rebalanced.incrementAndGet();
          moved++;
          movedOne = true;
          dispatch(t.taskId(), byId.get(to), t.epoch() + 1);
          break;
        }
      }
      if (!movedOne) {
        exhausted.add(busiest);
      }
    }
    if (moved > 0) {
      LOG.info("rebalanced {} queued tasks (skew threshold {})", moved, config.skewThreshold());
    }
    return moved;
  }

  // ---- TaskScheduler (runs on the owner of the task's data) ----

  @Override
  public SubmitReceipt submit(Task task) {
    Task decided = decide(task);
    store.add(decided, approxSize.get());
    stored(decided);
    return receipt(decided);
  }

  @Override
  public Task decide(Task task) {
    long now = System.currentTimeMillis();
    if (task.estimatedMillis() > config.maxEstimateMillis()) {
      throw new IllegalArgumentException(
          "estimatedMillis: "
              + task.estimatedMillis()
              + " is more than balancing.max-estimate-millis ("
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
          "balancing.max-tasks: " + config.maxTasks() + " tasks are held; finish or cancel some");
    }
    List<NodeView> fleet = candidatesFor(task.type());
    Optional<String> impossible =
        fleet.isEmpty()
            ? Optional.empty()
            : Balancer.unschedulableReason(task.requirements(), fleet);
    if (impossible.isPresent()) {
      return task.withState(TaskState.UNSCHEDULABLE, impossible.get(), now);
    }
    BalancingStrategy s = strategy(config.strategyFor(task.type()));
    Optional<Placement> p =
        fleet.isEmpty()
            ? Optional.empty()
            : Balancer.choose(s, task, fleet, weights, dataOwner(task));
    if (p.isEmpty()) {
      String why =
          fleet.isEmpty()
              ? "waiting: no live node takes type '" + task.type() + "'"
              : "waiting for free resources";
      return task.withState(TaskState.QUEUED, why, now);
    }
    return task.assignedTo(p.get().node().nodeId(), p.get().predictedMillis(), now);
  }

  @Override
  public void stored(Task task) {
    approxSize.incrementAndGet();
    if (task.state() != TaskState.ASSIGNED) {
      return;
    }
    NodeView to = allocator.pool(task.node()).orElse(null);
    if (to == null) {
      return; // left the fleet meanwhile: the sweep re-queues the task
    }
    placed(strategy(config.strategyFor(task.type())), task, to);
    // Off the caller's thread (it may be a partition thread): dispatching can call another member.
    runner.execute(() -> safely(() -> dispatch(task.taskId(), to, task.epoch())));
  }

  @Override
  public int finishedTtlSeconds() {
    return config.finishedTtlSeconds();
  }

  private static SubmitReceipt receipt(Task t) {
    return new SubmitReceipt(t.taskId(), t.state().name(), t.node(), t.reason());
  }

  @Override
  public void run(String taskId, String nodeId, long epoch) {
    runner.execute(() -> runHere(taskId, nodeId, epoch));
  }

  // ---- internals ----

  private void runHere(String taskId, String nodeId, long epoch) {
    Task t;
    try {
      t = store.startAndGet(taskId, nodeId, epoch, System.currentTimeMillis()).orElse(null);
      if (t == null) {
        return;
      }
    } catch (RuntimeException e) {
      LOG.debug("could not start task {}: {}", taskId, e.toString());
      return;
    }
    TaskHandler h = handlers.get(t.type());
    String memberUuid = hz.getCluster().getLocalMember().getUuid().toString();
    try {
      if (h == null) {
        throw new IllegalStateException(
            "no handler for type '" + t.type() + "' on member " + memberUuid);
      }
      Task started = t;
      String result =
          h.run(
              new TaskContext() {
                @Override
                public Task task() {
                  return started;
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
                  return store.progress(taskId, nodeId, epoch, fraction);
                }
              });
      store.complete(taskId, nodeId, epoch, result, System.currentTimeMillis());
    } catch (Exception e) {
      if (node == null || e instanceof InterruptedException) {
        // This member is stopping: not the task's failure. Its node is lost and the sweep re-queues
        // it.
        return;
      }
      try {
        store.fail(
            taskId,
            nodeId,
            epoch,
            String.valueOf(e.getMessage()),
            config.maxAttempts(),
            System.currentTimeMillis());
      } catch (RuntimeException again) {
        LOG.debug("could not record the failure of {}: {}", taskId, again.toString());
      }
    }
  }

  private void placed(BalancingStrategy s, Task assigned, NodeView to) {
    assignments.incrementAndGet();
    allocator.allocate(to.nodeId(), assigned.requirements(), assigned.estimatedMillis(), true);
    if (s instanceof PredictiveStrategy ps) {
      ps.placed(assigned, allocator.pool(to.nodeId()).orElse(to));
    }
  }

  private void dispatch(String taskId, NodeView to, long epoch) {
    if (to == null || to.worker()) {
      return; // a worker takes it when it polls
    }
    Member local = hz.getCluster().getLocalMember();
    if (local.getUuid().toString().equals(to.memberUuid())) {
      run(taskId, to.nodeId(), epoch);
      return;
    }
    for (Member m : hz.getCluster().getMembers()) {
      if (m.getUuid().toString().equals(to.memberUuid())) {
        try {
          hz.getExecutorService(BalanceTasks.EXECUTOR)
              .executeOnMember(BalanceTasks.run(taskId, to.nodeId(), epoch), m);
        } catch (RuntimeException e) {
          LOG.debug(
              "could not hand {} to member {}; the sweep re-queues it: {}",
              taskId,
              m,
              e.toString());
        }
        return;
      }
    }
  }

  /** Assigns a queued task of this member's partitions, if a node can take it now. */
  private void assignQueued(Task t) {
    long now = System.currentTimeMillis();
    if (t.state() != TaskState.QUEUED) {
      return;
    }
    if (t.deadline() > 0 && t.deadline() < now) {
      store.expire(t.taskId(), now);
      return;
    }
    List<NodeView> fleet = candidatesFor(t.type());
    if (fleet.isEmpty()) {
      return;
    }
    Optional<String> impossible = Balancer.unschedulableReason(t.requirements(), fleet);
    if (impossible.isPresent()) {
      store.unschedulable(t.taskId(), impossible.get(), now);
      return;
    }
    BalancingStrategy s = strategy(config.strategyFor(t.type()));
    Optional<Placement> p = Balancer.choose(s, t, fleet, weights, dataOwner(t));
    if (p.isEmpty()) {
      return;
    }
    NodeView to = p.get().node();
    long epoch = store.assign(t.taskId(), to.nodeId(), p.get().predictedMillis(), now);
    if (epoch > 0) {
      placed(s, t.assignedTo(to.nodeId(), p.get().predictedMillis(), now), to);
      dispatch(t.taskId(), to, epoch);
    }
  }

  private void updated(EntryEvent<TaskKey, Task> event) {
    Task now = event.getValue();
    Task before = event.getOldValue();
    if (now == null || node == null) {
      return;
    }
    if (before != null
        && before.state().held()
        && (!now.state().held() || !before.node().equals(now.node()))) {
      allocator.release(before.node(), before.requirements(), before.estimatedMillis());
    }
    if (now.state() == TaskState.DONE && before != null && before.state().held()) {
      BalancingStrategy s = strategies.get(config.strategyFor(now.type()));
      if (s instanceof PredictiveStrategy ps) {
        ps.learn(now.taskId(), Math.max(0, now.finishedAt() - now.assignedAt()));
      }
    }
    if (now.state() == TaskState.QUEUED && before != null && before.state() != TaskState.QUEUED) {
      try {
        runner.execute(() -> safely(() -> assignQueued(now)));
      } catch (RuntimeException e) {
        LOG.debug("engine stopping; {} stays queued", now.taskId());
      }
    }
  }

  private void sweep() {
    if (!hz.getLifecycleService().isRunning()) {
      stop(); // the member was terminated without stopping its engines
      return;
    }
    safely(this::refreshFleet);
    safely(this::publishMeters);
    safely(() -> approxSize.set(store.size()));
    safely(this::requeueLost);
    safely(this::assignLocalQueue);
    safely(
        () -> {
          if (oldest()) {
            rebalance();
          }
        });
    long nowNanos = System.nanoTime();
    long count = assignments.get();
    if (nowNanos - rateAt >= 1_000_000_000L) {
      rate = (count - rateCount) * 1e9 / (nowNanos - rateAt);
      rateCount = count;
      rateAt = nowNanos;
    }
  }

  private void requeueLost() {
    Set<String> alive = live;
    // Only the held tasks of nodes not alive: reading every held task each sweep was a large share
    // of
    // a busy member's CPU (profiled in the assignment bench).
    Predicate<TaskKey, Task> lost =
        alive.isEmpty()
            ? HELD
            : Predicates.and(
                HELD, Predicates.not(Predicates.in("node", alive.toArray(String[]::new))));
    Set<TaskKey> keys = store.map().localKeySet(lost);
    if (keys.isEmpty()) {
      return;
    }
    for (Task t : store.map().getAll(keys).values()) {
      if (t.state().held() && !alive.contains(t.node())) {
        if (store.requeue(t.taskId(), t.node(), t.epoch(), "node " + t.node() + " was lost")) {
          requeued.incrementAndGet();
          LOG.info("task {} re-queued: its node {} was lost", t.taskId(), t.node());
        }
      }
    }
  }

  private void assignLocalQueue() {
    Set<TaskKey> keys = store.map().localKeySet(QUEUED);
    if (keys.isEmpty()) {
      return;
    }
    List<Task> queued = new ArrayList<>(store.map().getAll(keys).values());
    queued.sort(
        Comparator.comparingInt(Task::priority).reversed().thenComparingLong(Task::submittedAt));
    int n = 0;
    for (Task t : queued) {
      if (n++ >= MAX_ASSIGN_PER_SWEEP || node == null) {
        break;
      }
      assignQueued(t);
    }
  }

  private void refreshFleet() {
    long now = System.currentTimeMillis();
    Set<String> members = new HashSet<>();
    for (Member m : hz.getCluster().getMembers()) {
      members.add(m.getUuid().toString());
    }
    List<NodeInfo> active = registry.active();
    Set<String> alive = new HashSet<>();
    List<NodeInfo> liveNodes = new ArrayList<>();
    for (NodeInfo n : active) {
      boolean up =
          n.memberUuid().isEmpty()
              ? now - n.lastSeen() <= config.workerTimeoutMillis()
              : members.contains(n.memberUuid());
      if (up) {
        alive.add(n.nodeId());
        liveNodes.add(n);
      }
    }
    Map<String, Reputation> reps = reputations.getAll(alive);
    Map<String, double[]> use = new HashMap<>();
    Collection<Object[]> rows =
        store
            .map()
            .project(
                Projections.multiAttribute(
                    "node", "reqCpu", "reqMemoryMb", "reqGpus", "estimatedMillis"),
                HELD);
    for (Object[] r : rows) {
      double[] u = use.computeIfAbsent(String.valueOf(r[0]), k -> new double[5]);
      u[0]++;
      u[1] += ((Number) r[1]).doubleValue();
      u[2] += ((Number) r[2]).doubleValue();
      u[3] += ((Number) r[3]).doubleValue();
      u[4] += ((Number) r[4]).doubleValue();
    }
    List<NodeView> views = new ArrayList<>();
    for (NodeInfo n : liveNodes) {
      Reputation r = reps.getOrDefault(n.nodeId(), Reputation.neutral(n.nodeId()));
      if (r.quarantined()) {
        continue; // quarantined nodes get nothing
      }
      double[] u = use.getOrDefault(n.nodeId(), new double[5]);
      views.add(
          new NodeView(
              n.nodeId(),
              n.memberUuid(),
              n.capacity().cpuCores(),
              n.capacity().memoryMb(),
              n.capacity().gpus(),
              new HashSet<>(n.capabilities()),
              cost(n),
              Math.max(0, Math.min(1, r.score())),
              (int) u[0],
              u[1],
              (long) u[2],
              (int) u[3],
              (long) u[4]));
    }
    live = Set.copyOf(alive);
    allocator.reset(views);
  }

  /**
   * Meters {@code swarmgrid.balance.*}: assignments, re-queued and rebalanced tasks, assignments
   * per second, and per node (tag {@code node}, one row per node of the fleet, refreshed every
   * sweep) CPU utilization and held tasks.
   */
  private void registerMeters(io.micrometer.core.instrument.MeterRegistry meters) {
    io.micrometer.core.instrument.FunctionCounter.builder(
            "swarmgrid.balance.assignments", assignments, AtomicLong::get)
        .register(meters);
    io.micrometer.core.instrument.FunctionCounter.builder(
            "swarmgrid.balance.requeued", requeued, AtomicLong::get)
        .register(meters);
    io.micrometer.core.instrument.FunctionCounter.builder(
            "swarmgrid.balance.rebalanced", rebalanced, AtomicLong::get)
        .register(meters);
    io.micrometer.core.instrument.Gauge.builder(
            "swarmgrid.balance.assignments.rate", this, e -> e.rate)
        .register(meters);
    utilizationGauge =
        io.micrometer.core.instrument.MultiGauge.builder("swarmgrid.balance.node.utilization")
            .description("share of the node's CPU held by assigned and running tasks")
            .register(meters);
    heldGauge =
        io.micrometer.core.instrument.MultiGauge.builder("swarmgrid.balance.node.held")
            .description("tasks assigned to or running on the node")
            .register(meters);
  }

  private void publishMeters() {
    List<io.micrometer.core.instrument.MultiGauge.Row<?>> util = new ArrayList<>();
    List<io.micrometer.core.instrument.MultiGauge.Row<?>> held = new ArrayList<>();
    for (NodeView v : allocator.pools()) {
      io.micrometer.core.instrument.Tags tags =
          io.micrometer.core.instrument.Tags.of("node", v.nodeId());
      util.add(io.micrometer.core.instrument.MultiGauge.Row.of(tags, v.cpuUtilization()));
      held.add(io.micrometer.core.instrument.MultiGauge.Row.of(tags, v.held()));
    }
    utilizationGauge.register(util, true);
    heldGauge.register(held, true);
  }

  private List<NodeView> candidatesFor(String type) {
    boolean memberHandler = handlers.containsKey(type);
    String capability = "task:" + type;
    List<NodeView> out = new ArrayList<>();
    for (NodeView v : allocator.pools()) {
      if (v.worker()
          ? v.capabilities().contains(capability) || v.capabilities().contains(ANY_TYPE)
          : memberHandler) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * Whether {@code t} sits on a member node next to its data because affinity outweighs speed in
   * the config: rebalancing leaves such tasks where their data is.
   */
  private boolean pinnedToData(Task t, NodeView on) {
    return !t.dataKey().isEmpty()
        && on != null
        && !on.worker()
        && weights.affinity() > weights.speed();
  }

  private String dataOwner(Task t) {
    if (t.dataKey().isEmpty()) {
      return "";
    }
    Member owner = hz.getPartitionService().getPartition(t.dataKey()).getOwner();
    return owner == null ? "" : owner.getUuid().toString();
  }

  private BalancingStrategy strategy(String name) {
    return strategies.computeIfAbsent(name, k -> BalancingStrategies.create(k, config));
  }

  private boolean oldest() {
    return hz.getCluster().getMembers().iterator().next().localMember();
  }

  private static double cost(NodeInfo n) {
    return switch (n.tier()) {
      case EDGE -> 0.0;
      case EDGE_SERVER -> 0.5;
      case CLOUD -> 1.0;
    };
  }

  private static void safely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.debug("balancing sweep step failed; next sweep retries: {}", e.toString());
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
