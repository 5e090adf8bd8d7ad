package io.swarmgrid.plugin.fault.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.FaultConfig;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.recovery.HealthMonitor;
import io.swarmgrid.storage.recovery.NodeHealth;
import io.swarmgrid.storage.recovery.RecoveryEvent;
import io.swarmgrid.storage.recovery.RecoveryEventStore;
import io.swarmgrid.storage.recovery.RecoveryKind;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.storage.runtime.SwarmThreads;
import io.swarmgrid.storage.work.WorkStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Self-healing on one member. Every member listens for lost members; at the loss it notes the lost
 * member's nodes, waits {@code fault.recovery-grace-seconds}, and then the oldest member classifies
 * each node: back on a new member (temporary: it keeps its work) or not (permanent: its assigned
 * work items move to healthy nodes, least loaded first). Each outcome is recorded in {@code
 * swarm.recovery}. A periodic sweep on the oldest member re-assigns work still held by gone nodes
 * (no healthy node at the time, or the oldest member died while recovering).
 *
 * <p>Moves run as entry processors that bump each item's epoch, so an item completed meanwhile
 * stays completed and a late completion by the lost owner is refused.
 *
 * <p>Over 300 lines on purpose: the loss listener, the grace wait, the classification, the
 * re-assignment and the sweep are the steps of one recovery and share its oldest-member rule and
 * records.
 */
public final class RecoveryCoordinator implements MembershipListener {
  private static final Logger LOG = LoggerFactory.getLogger(RecoveryCoordinator.class);
  private static final long SWEEP_MILLIS = 5_000;

  private final HazelcastInstance hz;
  private final String localNodeId;
  private final long graceMillis;
  private final long maxHeartbeatAgeMillis;
  private final NodeRegistry registry;
  private final WorkStore work;
  private final HealthMonitor health;
  private final RecoveryEventStore events;
  private final ScheduledExecutorService scheduler;
  private final Set<String> awaitingGrace = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile UUID registration;

  /** Prepares recovery on the member {@code hz}, running node {@code localNodeId}. */
  public RecoveryCoordinator(
      HazelcastInstance hz,
      String localNodeId,
      FaultConfig config,
      int heartbeatSeconds,
      WorkStore work,
      HealthMonitor health,
      RecoveryEventStore events) {
    this.hz = hz;
    this.localNodeId = localNodeId;
    this.graceMillis = config.recoveryGraceSeconds() * 1000L;
    // A node is a target only while its heartbeat is fresh: three missed heartbeats and it is not.
    this.maxHeartbeatAgeMillis = 3_000L * heartbeatSeconds + 1_000L;
    this.registry = new NodeRegistry(hz);
    this.work = work;
    this.health = health;
    this.events = events;
    this.scheduler = SwarmThreads.scheduler("swarmgrid-recovery-" + hz.getName());
  }

  /** Starts listening for lost members and sweeping. */
  public void start() {
    registration = hz.getCluster().addMembershipListener(this);
    scheduler.scheduleWithFixedDelay(
        this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Stops listening; recoveries in progress on this member are abandoned (the sweep elsewhere
   * finishes them).
   */
  public void stop() {
    UUID r = registration;
    if (r != null) {
      try {
        hz.getCluster().removeMembershipListener(r);
      } catch (RuntimeException e) {
        LOG.debug("could not remove the membership listener", e);
      }
    }
    scheduler.shutdownNow();
  }

  @Override
  public void memberAdded(MembershipEvent event) {
    // Nothing to do: new members' nodes register themselves and become targets.
  }

  @Override
  public void memberRemoved(MembershipEvent event) {
    long detectedAt = System.currentTimeMillis();
    long detectedNanos = System.nanoTime();
    String lostMember = event.getMember().getUuid().toString();
    if (scheduler.isShutdown()) {
      return;
    }
    scheduler.execute(
        () -> {
          try {
            List<String> lostNodes =
                registry.ofMember(lostMember).stream().map(NodeInfo::nodeId).toList();
            if (lostNodes.isEmpty()) {
              return;
            }
            LOG.info(
                "member {} lost (nodes {}); classifying after the {} ms grace period",
                lostMember,
                lostNodes,
                graceMillis);
            // The sweep leaves these nodes to the scheduled recovery, so that one loss is recovered
            // once.
            awaitingGrace.addAll(lostNodes);
            long wait = Math.max(0, graceMillis - (System.nanoTime() - detectedNanos) / 1_000_000);
            scheduler.schedule(
                () -> {
                  for (String node : lostNodes) {
                    try {
                      recover(node, lostMember, detectedAt, detectedNanos);
                    } finally {
                      awaitingGrace.remove(node);
                    }
                  }
                },
                wait,
                TimeUnit.MILLISECONDS);
          } catch (RuntimeException e) {
            LOG.warn(
                "could not look up the nodes of lost member {}; the sweep will recover them: {}",
                lostMember,
                e.toString());
          }
        });
  }

  private void recover(String lostNode, String lostMember, long detectedAt, long detectedNanos) {
    try {
      if (!oldest()) {
        return;
      }
      Optional<NodeInfo> now = registry.get(lostNode);
      if (now.isPresent()
          && now.get().active()
          && !now.get().memberUuid().equals(lostMember)
          && alive(now.get().memberUuid())) {
        long elapsed = (System.nanoTime() - detectedNanos) / 1_000_000;
        int held = (int) work.load(lostNode);
        events.record(
            new RecoveryEvent(
                RecoveryEvent.idOf(detectedAt, lostNode),
                lostNode,
                lostMember,
                RecoveryKind.TEMPORARY,
                detectedAt,
                graceMillis,
                held,
                0,
                List.of(),
                0,
                elapsed,
                System.currentTimeMillis()));
        LOG.info(
            "node {} came back within the grace period on member {}: it keeps its {} work items",
            lostNode,
            now.get().memberUuid(),
            held);
        return;
      }
      reassign(lostNode, lostMember, detectedAt, detectedNanos);
    } catch (RuntimeException e) {
      // The sweep retries.
      BackgroundFailures.report("fault.recovery", "node " + lostNode, e);
    }
  }

  /**
   * Moves every assigned item of {@code lostNode} to healthy nodes, least loaded first, and records
   * it.
   */
  private void reassign(String lostNode, String lostMember, long detectedAt, long detectedNanos) {
    long startNanos = System.nanoTime();
    Set<String> items = work.assignedTo(lostNode);
    if (items.isEmpty()) {
      events.record(
          new RecoveryEvent(
              RecoveryEvent.idOf(detectedAt, lostNode),
              lostNode,
              lostMember,
              RecoveryKind.PERMANENT,
              detectedAt,
              graceMillis,
              0,
              0,
              List.of(),
              0,
              (System.nanoTime() - detectedNanos) / 1_000_000,
              System.currentTimeMillis()));
      return;
    }
    long now = System.currentTimeMillis();
    List<NodeHealth> targets = new ArrayList<>();
    for (NodeHealth h : health.health(now)) {
      if (!h.nodeId().equals(lostNode)
          && h.healthy(maxHeartbeatAgeMillis)
          && registry.get(h.nodeId()).map(n -> alive(n.memberUuid())).orElse(false)) {
        targets.add(h);
      }
    }
    if (targets.isEmpty()) {
      LOG.warn(
          "node {} holds {} work items but no healthy node can take them; the sweep retries",
          lostNode,
          items.size());
      return;
    }
    Map<String, List<String>> plan = plan(items, targets);
    int moved = 0;
    List<String> summary = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : plan.entrySet()) {
      int n = work.reassign(e.getValue(), lostNode, e.getKey(), now);
      moved += n;
      summary.add(e.getKey() + "=" + n);
    }
    long end = System.nanoTime();
    RecoveryEvent event =
        new RecoveryEvent(
            RecoveryEvent.idOf(detectedAt, lostNode),
            lostNode,
            lostMember,
            RecoveryKind.PERMANENT,
            detectedAt,
            graceMillis,
            items.size(),
            moved,
            summary,
            (end - startNanos) / 1_000_000,
            (end - detectedNanos) / 1_000_000,
            System.currentTimeMillis());
    events.record(event);
    LOG.info(
        "node {} lost for good: {} of {} work items re-assigned ({}) in {} ms, {} ms after detection",
        lostNode,
        moved,
        items.size(),
        String.join(", ", summary),
        event.reassignMillis(),
        event.detectToLastReassignMillis());
  }

  /**
   * Spreads {@code items} over {@code targets} so that loads even out: each item goes to the target
   * with the least load so far (its current load plus what it got from this plan).
   */
  static Map<String, List<String>> plan(Set<String> items, List<NodeHealth> targets) {
    record Slot(String node, long load) {}
    PriorityQueue<Slot> queue =
        new PriorityQueue<>(Comparator.comparingLong(Slot::load).thenComparing(Slot::node));
    for (NodeHealth t : targets) {
      queue.add(new Slot(t.nodeId(), t.load()));
    }
    Map<String, List<String>> plan = new LinkedHashMap<>();
    for (String item : items.stream().sorted().toList()) {
      Slot s = queue.poll();
      plan.computeIfAbsent(s.node(), k -> new ArrayList<>()).add(item);
      queue.add(new Slot(s.node(), s.load() + 1));
    }
    return plan;
  }

  /** Re-assigns work still held by nodes gone longer than the grace period. */
  private void sweep() {
    try {
      if (!oldest()) {
        return;
      }
      long now = System.currentTimeMillis();
      for (NodeInfo n : registry.all()) {
        long age = now - n.lastSeen();
        // Gone nodes after the grace period; active nodes whose member died unnoticed (marking them
        // gone failed) once their heartbeat is stale as well.
        boolean lost =
            n.active()
                ? !n.memberUuid().isEmpty()
                    && !alive(n.memberUuid())
                    && age >= graceMillis + maxHeartbeatAgeMillis
                : age >= graceMillis;
        if (lost
            && !n.nodeId().equals(localNodeId)
            && !awaitingGrace.contains(n.nodeId())
            && work.load(n.nodeId()) > 0) {
          LOG.info("sweep: gone node {} still holds work", n.nodeId());
          reassign(
              n.nodeId(),
              n.memberUuid(),
              n.lastSeen(),
              System.nanoTime() - (now - n.lastSeen()) * 1_000_000);
        }
      }
    } catch (RuntimeException e) {
      if (hz.getLifecycleService().isRunning()) {
        BackgroundFailures.report("fault.recovery-sweep", e);
      }
    }
  }

  private boolean oldest() {
    Set<Member> members = hz.getCluster().getMembers();
    return !members.isEmpty() && members.iterator().next().localMember();
  }

  private boolean alive(String memberUuid) {
    return hz.getCluster().getMembers().stream()
        .map(m -> m.getUuid().toString())
        .collect(Collectors.toSet())
        .contains(memberUuid);
  }
}
