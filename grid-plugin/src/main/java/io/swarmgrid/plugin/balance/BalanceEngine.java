package io.swarmgrid.plugin.balance;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.IndexType;
import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.BalanceConfig;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.ml.LoadMetrics;
import io.swarmgrid.plugin.balance.internal.BalanceMetrics;
import io.swarmgrid.plugin.balance.internal.FleetView;
import io.swarmgrid.plugin.balance.internal.InstantRunner;
import io.swarmgrid.plugin.balance.internal.Rebalancer;
import io.swarmgrid.plugin.balance.internal.StrategyBook;
import io.swarmgrid.plugin.balance.internal.Sweeper;
import io.swarmgrid.plugin.balance.internal.TaskListener;
import io.swarmgrid.plugin.balance.internal.TaskPlacer;
import io.swarmgrid.plugin.balance.internal.TaskRouter;
import io.swarmgrid.plugin.balance.internal.TaskRunner;
import io.swarmgrid.plugin.engine.SwarmEngine;
import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskRequest;
import io.swarmgrid.storage.balance.TaskState;
import io.swarmgrid.storage.balance.TaskStore;
import io.swarmgrid.storage.balance.TaskTransitions;
import io.swarmgrid.storage.runtime.SwarmServices;
import io.swarmgrid.storage.runtime.SwarmThreads;
import io.swarmgrid.tasks.balance.BalanceTasks;
import io.swarmgrid.tasks.balance.MemberStats;
import io.swarmgrid.tasks.balance.SubmitReceipt;
import io.swarmgrid.tasks.balance.TaskHandler;
import io.swarmgrid.tasks.balance.TaskScheduler;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The member side of load balancing ({@code swarmgrid.engines.balance: true}). A task is submitted
 * on the member owning its data key's partition ({@link BalanceTasks#place}, one entry processor on
 * the task's key); that member chooses a node with the task type's strategy ({@code
 * balance.strategy} / {@code strategies}) weighed with cost, reliability and data affinity, and
 * stores the task already assigned. A task for a member node runs there with the handler registered
 * for its type; a task for a client-side worker waits until the worker takes it.
 *
 * <p>Every {@code balance.sweep-millis} each member, for its own partitions, re-queues the tasks of
 * lost nodes (a member that left the cluster, a worker whose heartbeat is older than {@code
 * worker-timeout-millis}, a node marked gone) and assigns queued tasks; the oldest member also
 * rebalances. Quarantined nodes get nothing.
 *
 * <p>Its roles are in {@code internal/}: the fleet view, the placer (shared by submit and sweep),
 * the router and runner, the sweeper, the rebalancer and the metrics. Other code finds it with
 * {@code SwarmGrid.service(member, LoadBalancer.class)}.
 */
public final class BalanceEngine implements SwarmEngine, LoadBalancer, TaskScheduler {
  /** Capability a worker node declares to take tasks of every type. */
  public static final String ANY_TYPE = "task:*";

  private static final Logger LOG = LoggerFactory.getLogger(BalanceEngine.class);

  private volatile SwarmNode node;
  private HazelcastInstance hz;
  private BalanceConfig config;
  private TaskStore store;
  private final ResourceAllocator allocator = new ResourceAllocator();
  private final Map<String, TaskHandler> handlers = new ConcurrentHashMap<>();
  private StrategyBook strategies;
  private BalanceMetrics metrics;
  private TaskPlacer placer;
  private TaskRouter router;
  private Rebalancer rebalancer;
  private FleetView fleet;
  private InstantRunner instant;
  private ExecutorService runners;
  private ScheduledExecutorService sweeps;
  private ScheduledExecutorService leases;
  private TaskListener transitions;

  @Override
  public EngineKind kind() {
    return EngineKind.BALANCE;
  }

  @Override
  public void start(SwarmNode n) {
    this.hz = n.hazelcast();
    this.config = n.config().balance();
    this.store = new TaskStore(hz, config.maxTasks(), config.finishedTtlSeconds());
    this.strategies = new StrategyBook(config);
    this.metrics = new BalanceMetrics(n.meters());
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    this.runners = SwarmThreads.pool("swarmgrid-balance-run-" + hz.getName(), threads);
    this.sweeps = SwarmThreads.scheduler("swarmgrid-balance-sweep-" + hz.getName());
    // Its own thread: a long sweep must not delay the renewals of running tasks' leases.
    this.leases = SwarmThreads.scheduler("swarmgrid-balance-lease-" + hz.getName());
    FleetView fleet = new FleetView(hz, config, store, allocator, handlers.keySet());
    TaskRunner runner =
        new TaskRunner(
            hz,
            store,
            handlers,
            config.maxAttempts(),
            leases,
            config.runningLeaseMillis(),
            () -> node != null,
            runners);
    this.router = new TaskRouter(hz, runners, runner);
    this.instant = new InstantRunner(hz, handlers, allocator, config.maxAttempts());
    this.placer = new TaskPlacer(hz, config, store, fleet, allocator, strategies, metrics, router);
    this.fleet = fleet;
    this.rebalancer =
        new Rebalancer(
            config,
            store,
            fleet,
            allocator,
            strategies,
            metrics,
            router,
            t -> {
              Member owner = hz.getPartitionService().getPartition(t.key()).getOwner();
              return owner != null && owner.localMember();
            });
    Sweeper sweeper =
        new Sweeper(
            hz, config, store, fleet, allocator, placer, rebalancer, metrics, () -> node != null);
    this.node = n;
    SwarmServices services = SwarmServices.of(hz);
    services.put(BalanceEngine.class, this);
    services.put(LoadBalancer.class, this);
    services.put(TaskScheduler.class, this);
    services.remove(BalanceTasks.Leaving.class, BalanceTasks.Leaving.MEMBER);
    // The sweeps and the rebalancer query by state; without an index each query scans every task.
    // Node is not indexed: an index on node alone holds every finished task, copied out at each
    // rebalance (profiled: a fifth of the members' CPU in the assignment bench), and one on node
    // and state cost every submission a second index update (~7% of its partition-thread time)
    // to serve only the rebalancer's look-up of one node's assigned tasks, which the state index
    // narrows to the assigned ones of every node.
    store.map().addIndex(IndexType.HASH, "state");
    fleet.refresh();
    transitions = new TaskListener(allocator, strategies, placer, router, () -> node != null);
    services.put(TaskTransitions.class, transitions);
    sweeps.scheduleWithFixedDelay(
        () -> {
          if (!hz.getLifecycleService().isRunning()) {
            stop(); // the member was terminated without stopping its engines
            return;
          }
          sweeper.sweep();
        },
        config.sweepMillis(),
        config.sweepMillis(),
        TimeUnit.MILLISECONDS);
    LOG.info(
        "balance engine started on {}: strategy {}, per type {}",
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
    sweeps.shutdownNow();
    leases.shutdownNow();
    runners.shutdownNow();
    try {
      SwarmServices services = SwarmServices.of(hz);
      services.remove(BalanceEngine.class, this);
      services.remove(LoadBalancer.class, this);
      services.remove(TaskScheduler.class, this);
      services.remove(TaskTransitions.class, transitions);
      services.put(BalanceTasks.Leaving.class, BalanceTasks.Leaving.MEMBER);
    } catch (RuntimeException e) {
      LOG.debug("could not remove the balancing services while stopping", e);
    }
  }

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
    handlers.put(type, Objects.requireNonNull(handler, "handler"));
  }

  @Override
  public List<NodeView> fleet() {
    return allocator.pools();
  }

  @Override
  public MemberStats stats() {
    Optional<LoadMetrics> m = predictorMetrics();
    return new MemberStats(
        hz.getCluster().getLocalMember().getUuid().toString(),
        metrics.assignments(),
        metrics.rate(),
        metrics.rebalancedCount(),
        metrics.requeuedCount(),
        m.isPresent(),
        m.map(LoadMetrics::meanAbsoluteErrorMs).orElse(-1.0),
        m.map(LoadMetrics::baselineMeanAbsoluteErrorMs).orElse(-1.0),
        (int) Math.min(Integer.MAX_VALUE, strategies.learnedSamples()),
        allocator.utilization(),
        allocator.held());
  }

  @Override
  public Optional<LoadMetrics> predictorMetrics() {
    return strategies.predictorMetrics();
  }

  @Override
  public ResourceAllocator allocator() {
    return allocator;
  }

  @Override
  public int rebalance() {
    fleet.refresh(); // asked for: on the counts of now, not of the last recount
    return rebalancer.rebalance();
  }

  @Override
  public SubmitReceipt submit(Task task) {
    Task decided = placer.decide(task);
    placer.add(decided);
    placer.stored(decided);
    return new SubmitReceipt(
        decided.taskId(), decided.state().name(), decided.node(), decided.reason());
  }

  @Override
  public Task decide(Task task) {
    // Called by the submission's entry processor, on the owner of the task key's partition, which
    // is its data key's: the data owner is this member, without hashing the key again.
    return placer.decide(
        task,
        task.dataKey().isEmpty() ? "" : hz.getCluster().getLocalMember().getUuid().toString());
  }

  @Override
  public void stored(Task task) {
    placer.stored(task);
  }

  @Override
  public Optional<Task> runAtOnce(Task assigned) {
    return instant.run(assigned);
  }

  @Override
  public int finishedTtlSeconds() {
    return config.finishedTtlSeconds();
  }

  @Override
  public void run(String taskId, String nodeId, long epoch) {
    router.runHere(taskId, nodeId, epoch);
  }
}
