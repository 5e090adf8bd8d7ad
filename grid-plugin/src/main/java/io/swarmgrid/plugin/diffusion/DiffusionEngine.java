package io.swarmgrid.plugin.diffusion;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.collection.IQueue;
import com.hazelcast.config.QueueConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.swarmgrid.config.DiffusionConfig;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.plugin.diffusion.internal.TopologyKeeper;
import io.swarmgrid.plugin.engine.SwarmEngine;
import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.content.ContentStore;
import io.swarmgrid.storage.evidence.Evidence;
import io.swarmgrid.storage.evidence.EvidenceKind;
import io.swarmgrid.storage.evidence.EvidenceRejectedException;
import io.swarmgrid.storage.evidence.EvidenceStore;
import io.swarmgrid.storage.evidence.SignedPayload;
import io.swarmgrid.storage.reputation.ReputationRule;
import io.swarmgrid.storage.reputation.ReputationStore;
import io.swarmgrid.tasks.diffusion.Claim;
import io.swarmgrid.tasks.diffusion.ClaimChunk;
import io.swarmgrid.tasks.diffusion.CopyResult;
import io.swarmgrid.tasks.diffusion.DiffusionSettings;
import io.swarmgrid.tasks.diffusion.DiffusionTask;
import io.swarmgrid.tasks.diffusion.Hop;
import io.swarmgrid.tasks.diffusion.LiveTasks;
import io.swarmgrid.tasks.diffusion.ShareResults;
import io.swarmgrid.tasks.diffusion.ShareState;
import io.swarmgrid.tasks.diffusion.SubmitCopy;
import io.swarmgrid.tasks.diffusion.TaskState;
import io.swarmgrid.tasks.diffusion.TaskUpdates;
import io.swarmgrid.tasks.diffusion.TopologyNode;
import io.swarmgrid.tasks.diffusion.Visit;
import io.swarmgrid.tasks.workload.Workload;
import io.swarmgrid.tasks.workload.Workloads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The member side of energy-based diffusion ({@code swarmgrid.engines.diffusion: true}).
 *
 * <p>This member hosts its own node and {@code diffusion.virtual-nodes} virtual nodes; a {@link
 * TopologyKeeper} keeps their neighbours. A task reaches a node as a {@link Hop} in the member's
 * inbox (an {@code IQueue}); if the hop raises the node's energy for the task ({@code
 * swarm.diffusion.visits}), the node holds the task and passes it to each neighbour with the energy
 * times {@code energy-decay}, unless that falls under {@code stop-threshold} (links count both ways
 * for spreading: to the neighbours it keeps and the nodes that keep it). While this member has
 * nodes holding a running task, its workers claim the task's chunks atomically in {@code
 * swarm.diffusion.shares} (copies on distinct members), process them with the task's {@link
 * Workload}, sign the result with this member's node key and vote next to the chunk; an outvoted
 * copy is filed as {@link EvidenceKind#DISAGREEING_RESULT} evidence against its member node. The
 * node whose copy agrees the last chunk asks the task's origin to merge the result (or merges it
 * itself when the origin is gone). Stalled tasks are injected again, old ones expire, content
 * without energy is collected. Every piece of state is in the grid, with backups, so a surviving
 * member picks up what a lost one left.
 */
public final class DiffusionEngine implements SwarmEngine {
  /** User-context key under which a running engine is found. */
  public static final String USER_CONTEXT_KEY = "swarmgrid.diffusion-engine";

  private static final Logger LOG = LoggerFactory.getLogger(DiffusionEngine.class);

  private volatile SwarmNode node;
  private DiffusionConfig config;
  private HazelcastInstance hz;
  private String memberUuid;
  private TopologyKeeper keeper;
  private IMap<String, DiffusionTask> tasks;
  private IMap<String, ShareState> shares;
  private IMap<String, Visit> visits;
  private IQueue<Hop> inbox;
  private ContentStore content;
  private EvidenceStore evidence;
  private ReputationStore reputations;
  private DiffusionSettings settings;
  private ScheduledExecutorService scheduler;
  private ExecutorService workers;
  private Thread inboxThread;
  private UUID membershipRegistration;
  private final Map<String, TaskWork> work = new ConcurrentHashMap<>();
  private final DelayQueue<TaskWork> ready = new DelayQueue<>();
  private final Map<String, Workload<?>> workloads = new ConcurrentHashMap<>();
  private volatile long lastAgeScan;
  private volatile boolean quarantined;
  private volatile Set<String> quarantinedHosts = Set.of();
  private final AtomicLong hopsReceived = new AtomicLong();
  private final AtomicLong hopsSent = new AtomicLong();
  private final AtomicLong chunksProcessed = new AtomicLong();
  private final AtomicLong minorityCopies = new AtomicLong();
  private final AtomicLong evidenceFiled = new AtomicLong();
  private final AtomicLong tasksFinished = new AtomicLong();
  private final AtomicLong reinjections = new AtomicLong();
  private final AtomicLong contentCollected = new AtomicLong();

  /** The diffusion engine running in {@code member}, if any. */
  public static Optional<DiffusionEngine> of(HazelcastInstance member) {
    Object e = member.getUserContext().get(USER_CONTEXT_KEY);
    return e instanceof DiffusionEngine d && d.node != null ? Optional.of(d) : Optional.empty();
  }

  @Override
  public EngineKind kind() {
    return EngineKind.DIFFUSION;
  }

  @Override
  public void start(SwarmNode node) {
    this.hz = node.hazelcast();
    this.config = node.config().diffusion();
    this.memberUuid = hz.getCluster().getLocalMember().getUuid().toString();
    int backups = node.config().storage().backupCount();
    hz.getConfig()
        .addQueueConfig(
            new QueueConfig(Hop.INBOX_PREFIX + "*").setMaxSize(100_000).setBackupCount(backups));
    List<String> ids = new ArrayList<>();
    ids.add(node.nodeId());
    for (int i = 0; i < config.virtualNodes(); i++) {
      ids.add(node.nodeId() + "/v" + i);
    }
    this.keeper = new TopologyKeeper(hz, config, node.nodeId(), ids);
    this.tasks = hz.getMap(SwarmMap.DIFFUSION_TASKS.mapName());
    this.shares = hz.getMap(SwarmMap.DIFFUSION_SHARES.mapName());
    this.visits = hz.getMap(SwarmMap.DIFFUSION_VISITS.mapName());
    this.inbox = hz.getQueue(Hop.inbox(node.nodeId()));
    this.content = new ContentStore(hz, config.contentCopies());
    this.evidence =
        new EvidenceStore(
            hz,
            ReputationRule.of(node.config().fault()),
            node.config().fault().maxEvidenceMaterialBytes(),
            new ShareResults(hz),
            node.config().storage().maxEntriesPerMember());
    this.reputations = new ReputationStore(hz);
    this.settings =
        new DiffusionSettings(
            config.chunkBytes(),
            config.contentCopies(),
            config.redundancy(),
            2 * config.redundancy() + 1,
            config.energyDecay(),
            config.stopThreshold(),
            config.maxEnergy(),
            config.maxTasks(),
            config.maxTaskAgeSeconds(),
            config.finishedTaskTtlSeconds());
    this.node = node;
    keeper.refresh();
    int threads =
        config.workerThreads() == 0
            ? Runtime.getRuntime().availableProcessors()
            : config.workerThreads();
    AtomicInteger n = new AtomicInteger();
    workers =
        Executors.newFixedThreadPool(
            threads, r -> daemon(r, "swarm-diffusion-worker-" + n.incrementAndGet()));
    for (int i = 0; i < threads; i++) {
      workers.execute(this::workLoop);
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "swarm-diffusion-scheduler"));
    scheduler.scheduleWithFixedDelay(
        guard("topology", keeper::refresh),
        config.topologyRefreshMillis(),
        config.topologyRefreshMillis(),
        TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(
        guard("collect", this::collect),
        config.collectIntervalMillis(),
        config.collectIntervalMillis(),
        TimeUnit.MILLISECONDS);
    long sweep = Math.max(250, Math.min(config.stallMillis() / 2, config.collectIntervalMillis()));
    scheduler.scheduleWithFixedDelay(
        guard("sweep", this::sweep), sweep, sweep, TimeUnit.MILLISECONDS);
    inboxThread = daemon(this::inboxLoop, "swarm-diffusion-inbox-" + node.nodeId());
    inboxThread.start();
    membershipRegistration =
        hz.getCluster()
            .addMembershipListener(
                new MembershipListener() {
                  @Override
                  public void memberAdded(MembershipEvent e) {
                    scheduler.execute(guard("topology", keeper::refresh));
                  }

                  @Override
                  public void memberRemoved(MembershipEvent e) {
                    scheduler.execute(
                        guard(
                            "member left",
                            () -> {
                              keeper.memberLeft(e.getMember().getUuid().toString());
                              keeper.refresh();
                              wakeAll();
                            }));
                  }
                });
    registerMeters(node.meters());
    hz.getUserContext().put(DiffusionSettings.USER_CONTEXT_KEY, settings);
    hz.getUserContext().put(USER_CONTEXT_KEY, this);
    LOG.info(
        "diffusion engine started on {}: {} nodes, {} workers, redundancy {}{}",
        node.nodeId(),
        ids.size(),
        threads,
        config.redundancy(),
        config.corruptResultsForTesting() ? ", CORRUPTING RESULTS FOR TESTING" : "");
  }

  @Override
  public void stop() {
    SwarmNode n = node;
    if (n == null) {
      return;
    }
    node = null;
    hz.getUserContext().remove(USER_CONTEXT_KEY);
    hz.getUserContext().remove(DiffusionSettings.USER_CONTEXT_KEY);
    try {
      hz.getCluster().removeMembershipListener(membershipRegistration);
    } catch (RuntimeException e) {
      LOG.debug("could not remove the membership listener", e);
    }
    scheduler.shutdownNow();
    workers.shutdownNow();
    inboxThread.interrupt();
    try {
      for (String id : keeper.localNodes()) {
        hz.getMap(SwarmMap.DIFFUSION_TOPOLOGY.mapName()).delete(id);
      }
    } catch (RuntimeException e) {
      LOG.debug("could not remove this member's diffusion nodes while stopping", e);
    }
  }

  /** This member's diffusion nodes: its own node first, then the virtual ones. */
  public List<String> localNodes() {
    return keeper.localNodes();
  }

  /** The topology as this member last read it. */
  public Map<String, TopologyNode> topologyView() {
    return keeper.view();
  }

  /** Refreshes the topology now (latencies, neighbours). */
  public void refreshTopology() {
    keeper.refresh();
  }

  /** The counters of this member. */
  public DiffusionStats stats() {
    return new DiffusionStats(
        hopsReceived.get(),
        hopsSent.get(),
        chunksProcessed.get(),
        minorityCopies.get(),
        evidenceFiled.get(),
        tasksFinished.get(),
        reinjections.get(),
        contentCollected.get());
  }

  /** The settings this member publishes to injectors. */
  public DiffusionSettings settings() {
    return settings;
  }

  // ---- spreading ----

  private void inboxLoop() {
    while (node != null && !Thread.currentThread().isInterrupted()) {
      try {
        Hop hop = inbox.poll(500, TimeUnit.MILLISECONDS);
        if (hop != null) {
          handle(hop);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (node == null || !hz.getLifecycleService().isRunning()) {
          return;
        }
        LOG.warn("diffusion: a hop failed", e);
      }
    }
  }

  private void handle(Hop hop) {
    hopsReceived.incrementAndGet();
    DiffusionTask task = tasks.get(hop.taskId());
    if (task == null) {
      return;
    }
    if (hop.finish()) {
      finish(task);
      return;
    }
    if (!task.information() && task.state() != TaskState.RUNNING) {
      return;
    }
    TopologyNode self = keeper.view().get(hop.toNode());
    if (self == null || !self.hostUuid().equals(memberUuid)) {
      return;
    }
    long ttl = (long) config.maxTaskAgeSeconds() + config.finishedTaskTtlSeconds();
    boolean raised =
        visits.executeOnKey(
            Visit.key(task.taskId(), hop.toNode()),
            TaskUpdates.visit(
                task.taskId(), hop.toNode(), hop.energy(), System.currentTimeMillis(), ttl));
    if (!raised) {
      return;
    }
    if (!task.information()) {
      hold(task, hop.toNode());
    }
    double next = hop.energy() * task.decay();
    if (next < task.threshold()) {
      return;
    }
    for (String target : keeper.spreadTargets(hop.toNode())) {
      TopologyNode to = keeper.view().get(target);
      if (to != null
          && hz.<Hop>getQueue(Hop.inbox(to.hostNodeId()))
              .offer(new Hop(task.taskId(), to.nodeId(), next, hop.toNode(), false))) {
        hopsSent.incrementAndGet();
      }
    }
  }

  private void hold(DiffusionTask task, String nodeId) {
    boolean[] created = {false};
    TaskWork w =
        work.computeIfAbsent(
            task.taskId(),
            id -> {
              created[0] = true;
              return new TaskWork(task);
            });
    if (!w.holders.contains(nodeId)) {
      w.holders.add(nodeId);
    }
    if (created[0]) {
      ready.offer(w);
    }
  }

  private void wakeAll() {
    for (TaskWork w : work.values()) {
      w.wake();
    }
  }

  // ---- work ----

  /**
   * One running task as this member works on it: its local holders and what it knows of its chunks.
   */
  private final class TaskWork implements Delayed {
    final DiffusionTask task;
    final List<String> holders = new CopyOnWriteArrayList<>();
    final BitSet agreed = new BitSet();
    final long[] takenAt;
    final int offset;
    int turn;
    volatile long retryAt;
    volatile boolean gone;
    volatile boolean queued = true;

    TaskWork(DiffusionTask task) {
      this.task = task;
      this.takenAt = new long[task.chunks().size()];
      this.offset =
          task.chunks().isEmpty()
              ? 0
              : Math.floorMod(node.nodeId().hashCode(), task.chunks().size());
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(retryAt - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(retryAt, ((TaskWork) o).retryAt);
    }

    synchronized void wake() {
      java.util.Arrays.fill(takenAt, 0);
      // Waiting: bring it forward (a worker holding it now puts it back itself).
      if (queued && ready.remove(this)) {
        retryAt = 0;
        ready.offer(this);
      }
    }

    synchronized void requeue(long delayMillis) {
      if (gone) {
        queued = false;
        return;
      }
      retryAt = System.currentTimeMillis() + delayMillis;
      queued = true;
      ready.offer(this);
    }

    /** Claims the next chunk this member may process, or -1. */
    synchronized int claimNext() {
      int n = task.chunks().size();
      long now = System.currentTimeMillis();
      // Quarantined members get no work, so copies need not wait for them.
      Set<String> live = new HashSet<>(keeper.liveHosts());
      live.removeAll(quarantinedHosts);
      String holder = holders.get(Math.floorMod(turn++, holders.size()));
      for (int k = 0; k < n; k++) {
        int chunk = (offset + k) % n;
        if (agreed.get(chunk) || now - takenAt[chunk] < 250) {
          continue;
        }
        ClaimChunk.Outcome o =
            shares.executeOnKey(
                ShareState.key(task.taskId(), chunk),
                new ClaimChunk(
                    new Claim(holder, node.nodeId(), memberUuid, now),
                    config.claimLeaseMillis(),
                    live,
                    task.redundancy(),
                    settings.maxCopies()));
        switch (o) {
          case CLAIMED -> {
            takenAt[chunk] = now;
            claimedBy = holder;
            return chunk;
          }
          case AGREED -> agreed.set(chunk);
          case TAKEN -> takenAt[chunk] = now;
          case GONE -> {
            gone = true;
            return -1;
          }
        }
      }
      return -1;
    }

    String claimedBy;
  }

  private void workLoop() {
    while (node != null && !Thread.currentThread().isInterrupted()) {
      TaskWork w;
      try {
        w = ready.poll(500, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (w == null) {
        continue;
      }
      w.queued = false;
      try {
        if (quarantined) {
          w.requeue(1_000);
          continue;
        }
        int chunk;
        String by;
        synchronized (w) {
          chunk = w.claimNext();
          by = w.claimedBy;
        }
        if (w.gone) {
          work.remove(w.task.taskId());
          continue;
        }
        if (chunk < 0) {
          w.requeue(Math.min(1_000, Math.max(100, config.claimLeaseMillis() / 4)));
          continue;
        }
        // Let other workers claim further chunks of this task meanwhile.
        w.requeue(0);
        process(w, chunk, by);
      } catch (RuntimeException e) {
        if (node == null || !hz.getLifecycleService().isRunning()) {
          return;
        }
        LOG.warn("diffusion: work on task {} failed", w.task.taskId(), e);
        w.requeue(500);
      }
    }
  }

  private void process(TaskWork w, int chunk, String nodeId) {
    DiffusionTask task = w.task;
    @SuppressWarnings("unchecked")
    Workload<Serializable> workload =
        (Workload<Serializable>) workloads.computeIfAbsent(task.workload(), Workloads::byName);
    byte[] bytes = content.get(task.chunks().get(chunk));
    List<String> records = workload.records(new String(bytes, StandardCharsets.UTF_8));
    if (config.corruptResultsForTesting() && !records.isEmpty()) {
      records = records.subList(1, records.size());
    }
    Serializable result = workload.process(records);
    chunksProcessed.incrementAndGet();
    byte[] payload =
        CopyResult.statement(
            task.taskId(), chunk, nodeId, ContentStore.sha256Hex(serialize(result)));
    CopyResult copy =
        new CopyResult(
            nodeId, node.nodeId(), memberUuid, result, payload, node.keys().sign(payload));
    SubmitCopy.Vote vote =
        shares.executeOnKey(
            ShareState.key(task.taskId(), chunk), new SubmitCopy(copy, task.quorum()));
    switch (vote.status()) {
      case AGREED_NOW -> {
        w.agreed.set(chunk);
        report(task, chunk, vote.minority());
        DiffusionTask now =
            tasks.executeOnKey(
                task.taskId(), TaskUpdates.agreed(chunk, System.currentTimeMillis()));
        if (now != null && now.allAgreed()) {
          askOriginToFinish(now);
        }
      }
      case ALREADY_AGREED -> {
        w.agreed.set(chunk);
        report(task, chunk, vote.minority());
      }
      case PENDING -> {
        // No quorum yet: the next claim round finds whether a tie-breaking copy is wanted.
      }
      case GONE -> w.gone = true;
    }
  }

  private void report(DiffusionTask task, int chunk, List<CopyResult> minority) {
    for (CopyResult c : minority) {
      minorityCopies.incrementAndGet();
      if (c.hostNodeId().equals(node.nodeId())) {
        LOG.warn(
            "diffusion: a copy of chunk {} of {} by this member's node {} was outvoted",
            chunk,
            task.taskId(),
            c.nodeId());
        continue;
      }
      String subject = ShareResults.subject(task.taskId(), chunk, c.nodeId());
      try {
        Evidence e =
            Evidence.sign(
                EvidenceKind.DISAGREEING_RESULT,
                c.hostNodeId(),
                subject,
                List.of(new SignedPayload(c.hostNodeId(), c.payload(), c.signature())),
                node.nodeId(),
                node.keys(),
                System.currentTimeMillis());
        EvidenceStore.Submission s = evidence.submit(e, System.currentTimeMillis());
        if (s.counted()) {
          evidenceFiled.incrementAndGet();
          LOG.warn(
              "diffusion: node {} (member node {}) was outvoted on chunk {} of {}: evidence {} filed, reputation {}",
              c.nodeId(),
              c.hostNodeId(),
              chunk,
              task.taskId(),
              e.evidenceId(),
              s.accused().score());
        }
      } catch (EvidenceRejectedException e) {
        LOG.warn("diffusion: evidence against {} refused: {}", c.hostNodeId(), e.getMessage());
      }
    }
  }

  private void askOriginToFinish(DiffusionTask task) {
    TopologyNode origin = keeper.view().get(task.originNode());
    if (origin != null
        && !origin.hostUuid().equals(memberUuid)
        && hz.<Hop>getQueue(Hop.inbox(origin.hostNodeId()))
            .offer(new Hop(task.taskId(), origin.nodeId(), 0, "", true))) {
      return;
    }
    finish(task);
  }

  /** Merges the agreed results of a task whose chunks are all agreed, once. */
  private void finish(DiffusionTask known) {
    DiffusionTask task = tasks.get(known.taskId());
    if (task == null || task.state() != TaskState.RUNNING || !task.allAgreed()) {
      return;
    }
    @SuppressWarnings("unchecked")
    Workload<Serializable> workload =
        (Workload<Serializable>) workloads.computeIfAbsent(task.workload(), Workloads::byName);
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < task.chunks().size(); i++) {
      keys.add(ShareState.key(task.taskId(), i));
    }
    Map<String, ShareState> all = new HashMap<>(shares.getAll(keys));
    Serializable result = workload.empty();
    for (int i = 0; i < task.chunks().size(); i++) {
      ShareState s = all.get(ShareState.key(task.taskId(), i));
      if (s == null || !s.isAgreed()) {
        LOG.warn(
            "diffusion: task {} chunk {} is marked agreed but its share is {}",
            task.taskId(),
            i,
            s);
        return;
      }
      result = workload.merge(result, s.agreed());
    }
    boolean mine =
        tasks.executeOnKey(
            task.taskId(),
            TaskUpdates.finish(
                TaskState.DONE,
                result,
                System.currentTimeMillis(),
                node.nodeId(),
                config.finishedTaskTtlSeconds()));
    if (mine) {
      tasksFinished.incrementAndGet();
      LOG.info(
          "diffusion: task {} finished at {} ({} chunks)",
          task.taskId(),
          node.nodeId(),
          task.chunks().size());
      dropState(task);
    }
  }

  private void dropState(DiffusionTask task) {
    for (int i = 0; i < task.chunks().size(); i++) {
      shares.delete(ShareState.key(task.taskId(), i));
    }
    visits.removeAll(Predicates.like("__key", task.taskId() + "|%"));
  }

  // ---- upkeep ----

  /** Tasks this member owns: finish, re-inject when stalled, expire when too old. */
  private void sweep() {
    long now = System.currentTimeMillis();
    quarantined = reputations.isQuarantined(node.nodeId());
    Set<String> q = new HashSet<>();
    Map<String, String> hosts = new HashMap<>();
    keeper.view().values().forEach(n -> hosts.put(n.hostUuid(), n.hostNodeId()));
    hosts.forEach(
        (uuid, hostNode) -> {
          if (reputations.isQuarantined(hostNode)) {
            q.add(uuid);
          }
        });
    quarantinedHosts = Set.copyOf(q);
    for (String id : tasks.localKeySet()) {
      DiffusionTask t = tasks.get(id);
      if (t == null || t.state() != TaskState.RUNNING) {
        continue;
      }
      if (now - t.createdAt() > config.maxTaskAgeSeconds() * 1000L) {
        if (tasks.executeOnKey(
            id,
            TaskUpdates.finish(
                TaskState.EXPIRED, null, now, node.nodeId(), config.finishedTaskTtlSeconds()))) {
          LOG.warn(
              "diffusion: task {} expired after {} s with {}/{} chunks agreed",
              id,
              config.maxTaskAgeSeconds(),
              t.chunksAgreed(),
              t.chunks().size());
          dropState(t);
        }
        continue;
      }
      if (t.allAgreed()) {
        if (now - t.lastProgressAt() > Math.min(2_000, config.stallMillis())) {
          finish(t);
        }
        continue;
      }
      if (tasks.executeOnKey(id, TaskUpdates.reinject(now, config.stallMillis()))) {
        reinject(t);
      }
    }
  }

  private void reinject(DiffusionTask t) {
    Map<String, TopologyNode> view = keeper.view();
    TopologyNode at = view.get(t.originNode());
    if (at == null) {
      at = view.get(node.nodeId());
    }
    if (at == null) {
      return;
    }
    reinjections.incrementAndGet();
    // Visits are forgotten so that the renewed energy spreads again.
    visits.removeAll(Predicates.like("__key", t.taskId() + "|%"));
    hz.<Hop>getQueue(Hop.inbox(at.hostNodeId()))
        .offer(new Hop(t.taskId(), at.nodeId(), t.energy(), "", false));
    LOG.info(
        "diffusion: task {} made no progress for {} ms: injected again at {}",
        t.taskId(),
        config.stallMillis(),
        at.nodeId());
  }

  private void collect() {
    long now = System.currentTimeMillis();
    long[] usage = content.localUsage();
    boolean over =
        usage[0] > config.contentMaxEntriesPerMember()
            || usage[1] > config.contentMaxBytesPerMember();
    long ageScanEvery = Math.min(60_000, Math.max(100, config.contentMaxAgeSeconds() * 250L));
    if (!over && now - lastAgeScan < ageScanEvery) {
      return;
    }
    lastAgeScan = now;
    Map<String, Double> energy = new HashMap<>();
    for (DiffusionTask t : tasks.values(new LiveTasks())) {
      energy.merge(t.contentHash(), t.energy(), Math::max);
      for (String c : t.chunks()) {
        energy.merge(c, t.energy(), Math::max);
      }
    }
    ContentStore.Collection c =
        content.collect(
            h -> energy.getOrDefault(h, 0.0),
            now,
            config.contentMaxAgeSeconds() * 1000L,
            Math.min(config.contentMaxAgeSeconds() * 1000L, 60_000L),
            config.contentMaxBytesPerMember(),
            config.contentMaxEntriesPerMember());
    contentCollected.addAndGet(c.removed());
  }

  private void registerMeters(io.micrometer.core.instrument.MeterRegistry meters) {
    Map<String, AtomicLong> counters =
        Map.of(
            "hops.received",
            hopsReceived,
            "hops.sent",
            hopsSent,
            "chunks.processed",
            chunksProcessed,
            "copies.outvoted",
            minorityCopies,
            "evidence.filed",
            evidenceFiled,
            "tasks.finished",
            tasksFinished,
            "tasks.reinjected",
            reinjections,
            "content.collected",
            contentCollected);
    counters.forEach(
        (name, value) ->
            io.micrometer.core.instrument.FunctionCounter.builder(
                    "swarmgrid.diffusion." + name, value, AtomicLong::get)
                .tag("node", node.nodeId())
                .register(meters));
  }

  private Runnable guard(String what, Runnable r) {
    return () -> {
      if (node == null) {
        return;
      }
      try {
        r.run();
      } catch (RuntimeException e) {
        if (node != null && hz.getLifecycleService().isRunning()) {
          LOG.warn("diffusion: {} failed", what, e);
        }
      }
    };
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static byte[] serialize(Serializable value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize a result", e);
    }
    return bytes.toByteArray();
  }
}
