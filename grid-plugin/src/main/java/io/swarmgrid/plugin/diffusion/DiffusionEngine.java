package io.swarmgrid.plugin.diffusion;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.QueueConfig;
import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.DiffusionConfig;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.plugin.diffusion.internal.DiffusionContext;
import io.swarmgrid.plugin.diffusion.internal.DiffusionMetrics;
import io.swarmgrid.plugin.diffusion.internal.DiffusionRoles;
import io.swarmgrid.plugin.diffusion.internal.TopologyKeeper;
import io.swarmgrid.plugin.engine.SwarmEngine;
import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.content.ContentStore;
import io.swarmgrid.storage.evidence.EvidenceKind;
import io.swarmgrid.storage.runtime.SwarmServices;
import io.swarmgrid.storage.runtime.SwarmThreads;
import io.swarmgrid.tasks.diffusion.DiffusionSettings;
import io.swarmgrid.tasks.diffusion.Hop;
import io.swarmgrid.tasks.diffusion.TopologyNode;
import io.swarmgrid.tasks.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 *
 * <p>Its roles are in {@code internal/}: the hop router (spreading), the chunk workers, the result
 * merger, the sweeper, the content collector and the metrics. Other code finds it with {@code
 * SwarmGrid.service(member, DiffusionEngine.class)}.
 */
public final class DiffusionEngine implements SwarmEngine {
  private static final Logger LOG = LoggerFactory.getLogger(DiffusionEngine.class);

  private volatile SwarmNode node;
  private HazelcastInstance hz;
  private TopologyKeeper keeper;
  private DiffusionMetrics metrics;
  private DiffusionContext ctx;
  private ScheduledExecutorService scheduler;
  private ExecutorService workers;
  private Thread inboxThread;
  private UUID membershipRegistration;

  @Override
  public EngineKind kind() {
    return EngineKind.DIFFUSION;
  }

  @Override
  public void start(SwarmNode node) {
    this.hz = node.hazelcast();
    DiffusionConfig config = node.config().diffusion();
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
    this.metrics = new DiffusionMetrics();
    this.ctx = new DiffusionContext(node, keeper, metrics);
    DiffusionRoles roles = new DiffusionRoles(ctx, new ContentStore(hz, config.contentCopies()));
    this.node = node;
    keeper.refresh();
    int threads =
        config.workerThreads() == 0
            ? Runtime.getRuntime().availableProcessors()
            : config.workerThreads();
    workers = SwarmThreads.pool("swarm-diffusion-worker-" + node.nodeId(), threads);
    for (int i = 0; i < threads; i++) {
      workers.execute(roles.worker());
    }
    scheduler = SwarmThreads.scheduler("swarm-diffusion-scheduler-" + node.nodeId());
    scheduler.scheduleWithFixedDelay(
        ctx.guard("topology", keeper::refresh),
        config.topologyRefreshMillis(),
        config.topologyRefreshMillis(),
        TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(
        ctx.guard("collect", roles.collector()),
        config.collectIntervalMillis(),
        config.collectIntervalMillis(),
        TimeUnit.MILLISECONDS);
    long sweep = Math.max(250, Math.min(config.stallMillis() / 2, config.collectIntervalMillis()));
    scheduler.scheduleWithFixedDelay(
        ctx.guard("sweep", roles.sweeper()), sweep, sweep, TimeUnit.MILLISECONDS);
    inboxThread = SwarmThreads.start("swarm-diffusion-inbox-" + node.nodeId(), roles.hopRouter());
    membershipRegistration =
        hz.getCluster()
            .addMembershipListener(
                new MembershipListener() {
                  @Override
                  public void memberAdded(MembershipEvent e) {
                    scheduler.execute(ctx.guard("topology", keeper::refresh));
                  }

                  @Override
                  public void memberRemoved(MembershipEvent e) {
                    scheduler.execute(
                        ctx.guard(
                            "member-left",
                            () -> {
                              keeper.memberLeft(e.getMember().getUuid().toString());
                              keeper.refresh();
                              roles.queue().wakeAll();
                            }));
                  }
                });
    metrics.register(node.meters(), node.nodeId());
    SwarmServices services = SwarmServices.of(hz);
    services.put(DiffusionSettings.class, ctx.settings());
    services.put(DiffusionEngine.class, this);
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
    ctx.stop();
    SwarmServices services = SwarmServices.of(hz);
    services.remove(DiffusionEngine.class, this);
    services.remove(DiffusionSettings.class, ctx.settings());
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
    return metrics.snapshot();
  }

  /** The settings this member publishes to injectors. */
  public DiffusionSettings settings() {
    return ctx.settings();
  }
}
