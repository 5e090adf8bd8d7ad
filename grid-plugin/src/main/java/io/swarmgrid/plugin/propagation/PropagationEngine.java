package io.swarmgrid.plugin.propagation;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.PropagationConfig;
import io.swarmgrid.plugin.engine.SwarmEngine;
import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.plugin.propagation.internal.BatchOffers;
import io.swarmgrid.plugin.propagation.internal.BudgetScheduler;
import io.swarmgrid.plugin.propagation.internal.Candidate;
import io.swarmgrid.plugin.propagation.internal.Fanout;
import io.swarmgrid.plugin.propagation.internal.Handover;
import io.swarmgrid.plugin.propagation.internal.InterestIndex;
import io.swarmgrid.plugin.propagation.internal.Outgoing;
import io.swarmgrid.plugin.propagation.internal.PropagationMetrics;
import io.swarmgrid.plugin.propagation.internal.PublishTurns;
import io.swarmgrid.plugin.propagation.internal.StreamRecorder;
import io.swarmgrid.plugin.propagation.internal.Takeovers;
import io.swarmgrid.storage.messaging.Messenger;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.propagation.InterestLevel;
import io.swarmgrid.storage.propagation.PropagationHooks;
import io.swarmgrid.storage.propagation.PropagationStats;
import io.swarmgrid.storage.propagation.PublishOutcome;
import io.swarmgrid.storage.propagation.StateUpdate;
import io.swarmgrid.storage.propagation.StreamHead;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.storage.runtime.SwarmServices;
import io.swarmgrid.storage.runtime.SwarmThreads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interest-based state propagation under bandwidth budgets. Run it on every member that holds data
 * ({@code swarmgrid.engines.propagation: true}).
 *
 * <p>A source publishes an update of a state to the member that owns the state's partition, where
 * the state's interests ({@code swarm.interests}) and stream head ({@code swarm.streams}) live.
 * That member checks the source's authority and signature, records the head, and offers the update
 * to every interested node's queue; its scheduler sends within each node's byte budget (urgent
 * first, then delays, degrades and drops replaced deltas) into the nodes' messaging inboxes. A node
 * that declares interest, returns after being unreachable, or whose state moved to a new owner
 * after a member died, is sent the latest keyframe and delta, so it starts from a state it can
 * apply.
 *
 * <p>A member that shuts down hands over ({@link #stop}): it refuses new publish calls (the source
 * publishes them again on the state's next owner), lets those under way finish, and sends its
 * urgent deliveries before it leaves, so a critical node loses no acknowledged update. A member
 * that dies loses what waited in its scheduler; its states' next owners send the heads.
 */
public final class PropagationEngine implements SwarmEngine, PropagationHooks {
  private static final long SWEEP_MILLIS = 1_000;

  /**
   * How long a stopping engine waits for its publish calls and its urgent sends. A drain takes
   * milliseconds; the bound keeps a member whose targets' inboxes refuse everything from hanging
   * its shutdown.
   */
  private static final long HANDOVER_MILLIS = 5_000;

  private static final Logger LOG = LoggerFactory.getLogger(PropagationEngine.class);

  private SwarmNode node;
  private HazelcastInstance hz;
  private PropagationConfig config;
  private NodeRegistry registry;
  private PropagationMetrics metrics;
  private InterestIndex interests;
  private StreamRecorder recorder;
  private BudgetScheduler<Outgoing> scheduler;
  private Messenger sender;
  private Fanout fanout;
  private BatchOffers offers;
  private PublishTurns turns;
  private ScheduledExecutorService sweeper;
  private final Map<String, Long> nodeBudgets = new ConcurrentHashMap<>();
  private final Map<String, Long> tierBudgets = new ConcurrentHashMap<>();
  private Takeovers takeovers;
  private Handover handover;

  @Override
  public EngineKind kind() {
    return EngineKind.PROPAGATION;
  }

  @Override
  public void start(SwarmNode node) {
    this.node = node;
    this.hz = node.hazelcast();
    this.config = node.config().propagation();
    registry = new NodeRegistry(hz);
    metrics = new PropagationMetrics(node.meters());
    interests = new InterestIndex(hz, registry);
    recorder = new StreamRecorder(hz, registry, config.maxPayloadBytes());
    scheduler =
        new BudgetScheduler<>(
            System::nanoTime,
            TimeUnit.MILLISECONDS.toNanos(config.degradeAfterMillis()),
            this::budgetOf,
            (target, c) -> metrics.dropped(c.stateId()));
    sender = new Messenger(hz, node.nodeId(), node.config().messaging());
    fanout =
        new Fanout(
            scheduler,
            sender,
            metrics,
            config.sendThreads(),
            node.config().messaging().maxPayloadBytes(),
            "swarmgrid-propagation-" + hz.getName());
    fanout.start();
    offers = new BatchOffers(scheduler, metrics);
    turns = new PublishTurns(id -> recorder.head(id).map(StreamHead::seq).orElse(0L));
    takeovers = new Takeovers(hz, recorder::localStates);
    handover = new Handover(node.nodeId());
    sweeper = SwarmThreads.scheduler("swarmgrid-propagation-sweep-" + hz.getName());
    sweeper.scheduleWithFixedDelay(
        BackgroundFailures.guarded("propagation sweep", this::sweep),
        SWEEP_MILLIS,
        SWEEP_MILLIS,
        TimeUnit.MILLISECONDS);
    SwarmServices services = SwarmServices.of(hz);
    services.put(PropagationHooks.class, this);
    services.put(PropagationEngine.class, this);
  }

  /**
   * Hands over, then stops. Runs while the member is shutting down but still owns its partitions
   * (Hazelcast's SHUTTING_DOWN event; its partitions move after). An embedded member's {@code
   * terminate()} fires that event too, so it hands over as well; a process that is killed does not.
   */
  @Override
  public void stop() {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HANDOVER_MILLIS);
    try {
      if (!handover.leave(deadline)) {
        LOG.warn("{}: publish calls still under way after {} ms", node.nodeId(), HANDOVER_MILLIS);
      } else if (!fanout.drain(deadline)) {
        LOG.warn("{}: urgent deliveries still unsent after {} ms", node.nodeId(), HANDOVER_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    SwarmServices services = SwarmServices.of(hz);
    services.remove(PropagationHooks.class, this);
    services.remove(PropagationEngine.class, this);
    sweeper.shutdownNow();
    fanout.close();
    sender.close();
  }

  @Override
  public int publish(StateUpdate update) {
    PublishOutcome o = publishAll(List.of(update), false, null, 0).get(0);
    if (!o.accepted()) {
      throw new IllegalArgumentException(o.refusal());
    }
    return o.targets();
  }

  @Override
  public List<PublishOutcome> publishAll(
      List<StateUpdate> updates, boolean resent, byte[] batchSignature, long after) {
    if (updates.isEmpty()) {
      return List.of();
    }
    handover.enter();
    try {
      long turnStart = System.nanoTime();
      turns.await(updates, after);
      if (after > 0) {
        metrics.stage("turn", System.nanoTime() - turnStart);
      }
      try {
        return publishInTurn(updates, resent, batchSignature);
      } finally {
        turns.taken(updates);
      }
    } finally {
      handover.exit();
    }
  }

  private List<PublishOutcome> publishInTurn(
      List<StateUpdate> updates, boolean resent, byte[] batchSignature) {
    long arrived = System.currentTimeMillis();
    long start = System.nanoTime();
    StreamRecorder.Recorded recorded = recorder.recordBatch(updates, resent, batchSignature);
    List<StreamRecorder.Verdict> verdicts = recorded.verdicts();
    List<Outgoing> accepted = new ArrayList<>(updates.size());
    for (int i = 0; i < updates.size(); i++) {
      if (verdicts.get(i).refusal() == null) {
        accepted.add(Outgoing.of(updates.get(i), verdicts.get(i).follows()));
      }
    }
    Map<String, Integer> targetCount = new HashMap<>();
    // Interests are read once per state of the batch; each target gets the batch in one go.
    Map<String, Map<String, InterestLevel>> targetsByState = new LinkedHashMap<>();
    for (Outgoing out : accepted) {
      StateUpdate u = out.update();
      metrics.stage("arrive", TimeUnit.MILLISECONDS.toNanos(arrived - u.publishedAt()));
      if (!targetsByState.containsKey(u.stateId())) {
        Map<String, InterestLevel> targets = interests.targets(u.stateId());
        targets.keySet().remove(u.source());
        targetsByState.put(u.stateId(), targets);
        targetCount.put(u.stateId(), targets.size());
      }
    }
    if (!accepted.isEmpty()) {
      // The fan-out starts on the urgent lane's offers while the bulk ones are made.
      offers.offer(accepted, targetsByState, fanout::wake);
      fanout.wake();
    }
    // Answered once the heads are written: a source told "recorded" finds them on a new owner.
    recorded.written().join();
    List<PublishOutcome> outcomes = new ArrayList<>(updates.size());
    for (int i = 0; i < updates.size(); i++) {
      StreamRecorder.Verdict v = verdicts.get(i);
      StateUpdate u = updates.get(i);
      if (v.refusal() != null) {
        outcomes.add(PublishOutcome.refused(v.refusal()));
        continue;
      }
      if (v.outcome() == StreamRecorder.Outcome.RECORDED) {
        metrics.published(u.stateId());
      }
      outcomes.add(PublishOutcome.accepted(targetCount.get(u.stateId())));
    }
    metrics.stage("record", System.nanoTime() - start);
    return outcomes;
  }

  @Override
  public void declare(String stateIdOrPattern, String nodeId, InterestLevel level) {
    interests.declared(stateIdOrPattern, nodeId, level);
    if (level == InterestLevel.NONE) {
      return;
    }
    for (String stateId : recorder.localStates()) {
      if (InterestIndex.matches(stateIdOrPattern, stateId)) {
        recorder.head(stateId).ifPresent(h -> offerHead(nodeId, level, h));
      }
    }
    fanout.wake();
  }

  @Override
  public void budget(String nodeId, long bytesPerSecond) {
    long min = PropagationConfig.minimumBudget(config.maxPayloadBytes());
    if (bytesPerSecond < 0 || (bytesPerSecond > 0 && bytesPerSecond < min)) {
      throw new IllegalArgumentException(
          "bytesPerSecond: "
              + bytesPerSecond
              + " for node "
              + nodeId
              + " must be 0 (unlimited) or at least "
              + min
              + " (11 deliveries of propagation.max-payload-bytes="
              + config.maxPayloadBytes()
              + ")");
    }
    nodeBudgets.put(nodeId, bytesPerSecond);
    scheduler.budgetChanged(nodeId);
  }

  @Override
  public PropagationStats localStats() {
    return metrics.stats(node.nodeId(), scheduler.counts());
  }

  private long budgetOf(String target) {
    Long own = nodeBudgets.get(target);
    if (own != null) {
      return own;
    }
    return tierBudgets.computeIfAbsent(
        target, t -> registry.get(t).map(NodeInfo::tier).map(config::budgetOf).orElse(0L));
  }

  private Candidate<Outgoing> candidate(Outgoing out, InterestLevel level) {
    return out.candidate(level, scheduler.now());
  }

  private void offerHead(String target, InterestLevel level, StreamHead head) {
    if (target.equals(head.source())) {
      return;
    }
    scheduler.offer(target, candidate(Outgoing.of(head.keyframe()), level));
    head.latestDelta().ifPresent(d -> scheduler.offer(target, candidate(Outgoing.of(d), level)));
  }

  /**
   * Refreshes interests and lapses; sends the latest heads to nodes that came back and, for streams
   * this member took over from a member that left, to every interested node.
   */
  private void sweep() {
    if (!hz.getLifecycleService().isRunning()) {
      return;
    }
    turns.forgetIdle();
    InterestIndex.Changes changes = interests.refresh();
    changes.away().forEach(scheduler::forget);
    Takeovers.Sweep streams = takeovers.sweep();
    if (!changes.away().isEmpty() || !changes.back().isEmpty() || !streams.resend().isEmpty()) {
      LOG.info(
          "{}: nodes away {}, back {}; heads sent again for states taken over {}",
          node.nodeId(),
          changes.away(),
          changes.back(),
          streams.resend());
    }
    if (streams.resend().isEmpty() && changes.back().isEmpty()) {
      return;
    }
    for (String stateId : streams.owned()) {
      boolean all = streams.resend().contains(stateId);
      recorder
          .head(stateId)
          .ifPresent(
              head ->
                  interests
                      .targets(stateId)
                      .forEach(
                          (target, level) -> {
                            if (all || changes.back().contains(target)) {
                              offerHead(target, level, head);
                            }
                          }));
    }
    fanout.wake();
  }
}
