package io.swarmgrid.client.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.balance.BalanceClient;
import io.swarmgrid.client.balance.TaskStats;
import io.swarmgrid.client.balance.TaskWorker;
import io.swarmgrid.config.BalanceConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskRequest;
import io.swarmgrid.storage.balance.TaskState;
import io.swarmgrid.storage.balance.TaskStore;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.storage.runtime.SwarmThreads;
import io.swarmgrid.tasks.balance.BalanceTasks;
import io.swarmgrid.tasks.balance.MemberStats;
import io.swarmgrid.tasks.balance.SubmitReceipt;
import io.swarmgrid.tasks.balance.TaskContext;
import io.swarmgrid.tasks.balance.TaskHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link BalanceClient} over a Hazelcast client. */
final class HazelcastBalanceClient implements BalanceClient {
  private static final Logger LOG = LoggerFactory.getLogger(HazelcastBalanceClient.class);
  private static final long POLL_MILLIS = 50;
  // A third of the smallest balance.running-lease-millis (3 s): the worker does not know the
  // members' setting, and one renewal per running task per second is cheap.
  private static final long RENEW_MILLIS = 1_000;

  private final HazelcastInstance client;
  private final SwarmClient swarm;
  private final TaskStore store;
  private final NodeRegistry registry;

  HazelcastBalanceClient(HazelcastInstance client, SwarmClient swarm) {
    this.client = client;
    this.swarm = swarm;
    BalanceConfig d = BalanceConfig.DEFAULTS;
    // The client never adds tasks itself (members do, within their own bound), so these are its
    // reads only.
    this.store = new TaskStore(client, d.maxTasks(), d.finishedTtlSeconds());
    this.registry = new NodeRegistry(client);
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
  public Task await(String taskId, Duration timeout) throws TimeoutException, InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    long pause = 2;
    while (true) {
      Task t =
          store
              .get(taskId)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException("taskId: '" + taskId + "' is not a known task"));
      if (t.state().finished() || t.state() == TaskState.UNSCHEDULABLE) {
        return t;
      }
      if (System.nanoTime() >= end) {
        throw new TimeoutException(
            "task " + taskId + " is still " + t.state() + " after " + timeout);
      }
      TimeUnit.MILLISECONDS.sleep(pause);
      pause = Math.min(100, pause * 2);
    }
  }

  @Override
  public TaskWorker startWorker(String nodeId, Map<String, TaskHandler> handlers, int capacity) {
    if (capacity < 1 || capacity > 1024) {
      throw new IllegalArgumentException("capacity: " + capacity + " is not within 1..1024");
    }
    if (handlers.isEmpty()) {
      throw new IllegalArgumentException(
          "handlers: none given; a worker takes the types it has handlers for");
    }
    List<String> capabilities = new ArrayList<>();
    handlers
        .keySet()
        .forEach(type -> capabilities.add("task:" + TaskStore.checkText("type", type)));
    swarm.joinAsNode(nodeId, NodeKeys.generate(), "default", NodeTier.EDGE, capabilities);
    Worker w = new Worker(nodeId, Map.copyOf(handlers), capacity);
    w.start();
    return w;
  }

  @Override
  public TaskStats stats() {
    List<MemberStats> members = new ArrayList<>();
    Map<Member, Future<MemberStats>> all =
        client.getExecutorService(BalanceTasks.EXECUTOR).submitToAllMembers(BalanceTasks.stats());
    for (Future<MemberStats> f : all.values()) {
      try {
        members.add(f.get(30, TimeUnit.SECONDS));
      } catch (ExecutionException | TimeoutException e) {
        LOG.warn("a member gave no balancing stats: {}", e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    long assignments = members.stream().mapToLong(MemberStats::assignments).sum();
    double rate = members.stream().mapToDouble(MemberStats::assignmentsPerSecond).sum();
    Map<String, Integer> held = new TreeMap<>(store.loads());
    Map<String, Double> utilization = new TreeMap<>();
    members.stream().findFirst().ifPresent(m -> utilization.putAll(m.utilization()));
    return new TaskStats(assignments, rate, store.queueDepth(), utilization, held, members);
  }

  /**
   * One worker loop: polls its assigned tasks, heart-beats, runs up to {@code capacity} at once and
   * renews the leases of the tasks it runs.
   */
  private final class Worker implements TaskWorker {
    private final String nodeId;
    private final Map<String, TaskHandler> handlers;
    private final int capacity;
    private final ExecutorService pool;
    private final Thread loop;
    // Task id to the epoch it was started at, for the lease renewals.
    private final Map<String, Long> running = new ConcurrentHashMap<>();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean open = true;

    Worker(String nodeId, Map<String, TaskHandler> handlers, int capacity) {
      this.nodeId = nodeId;
      this.handlers = handlers;
      this.capacity = capacity;
      this.pool = SwarmThreads.pool("swarmgrid-worker-" + nodeId, capacity);
      this.loop = SwarmThreads.factory("swarmgrid-worker-loop-" + nodeId).newThread(this::loop);
    }

    void start() {
      loop.start();
    }

    private void loop() {
      long renewedAt = System.nanoTime();
      while (open) {
        try {
          registry.heartbeat(nodeId, System.currentTimeMillis());
          if (System.nanoTime() - renewedAt >= TimeUnit.MILLISECONDS.toNanos(RENEW_MILLIS)) {
            renewedAt = System.nanoTime();
            running.forEach((id, epoch) -> store.renew(id, nodeId, epoch));
          }
          if (running.size() < capacity) {
            for (Task t : store.assignedTo(nodeId)) {
              if (running.size() >= capacity || !open) {
                break;
              }
              if (running.putIfAbsent(t.taskId(), t.epoch()) == null) {
                pool.execute(() -> runOne(t));
              }
            }
          }
          TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          if (!open) {
            return;
          }
          BackgroundFailures.report("tasks.worker-poll", e);
        }
      }
    }

    private void runOne(Task t) {
      try {
        if (!store.start(t.taskId(), nodeId, t.epoch(), System.currentTimeMillis())) {
          return;
        }
        TaskHandler h = handlers.get(t.type());
        String result;
        try {
          if (h == null) {
            throw new IllegalStateException(
                "worker " + nodeId + " has no handler for type '" + t.type() + "'");
          }
          result =
              h.run(
                  new TaskContext() {
                    @Override
                    public Task task() {
                      return t;
                    }

                    @Override
                    public String nodeId() {
                      return nodeId;
                    }

                    @Override
                    public HazelcastInstance hazelcast() {
                      return client;
                    }

                    @Override
                    public boolean progress(double fraction) {
                      return open && store.progress(t.taskId(), nodeId, t.epoch(), fraction);
                    }
                  });
        } catch (InterruptedException e) {
          return; // closed: not reported, the task is re-queued when this node ages out
        } catch (Exception e) {
          if (open) {
            store.fail(
                t.taskId(),
                nodeId,
                t.epoch(),
                TaskStore.clip(e.getMessage()),
                BalanceConfig.DEFAULTS.maxAttempts(),
                System.currentTimeMillis());
            failed.incrementAndGet();
          }
          return;
        }
        if (open
            && store.complete(t.taskId(), nodeId, t.epoch(), result, System.currentTimeMillis())) {
          completed.incrementAndGet();
        }
      } catch (RuntimeException e) {
        LOG.debug("worker {} could not report task {}: {}", nodeId, t.taskId(), e.toString());
      } finally {
        running.remove(t.taskId());
      }
    }

    @Override
    public String nodeId() {
      return nodeId;
    }

    @Override
    public long completed() {
      return completed.get();
    }

    @Override
    public long failed() {
      return failed.get();
    }

    @Override
    public void close() {
      open = false;
      loop.interrupt();
      pool.shutdownNow();
    }
  }
}
