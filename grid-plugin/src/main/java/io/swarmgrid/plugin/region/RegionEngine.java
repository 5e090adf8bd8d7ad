package io.swarmgrid.plugin.region;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.engine.SwarmEngine;
import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.plugin.hazelcast.ValueHash;
import io.swarmgrid.plugin.region.internal.DigestResync;
import io.swarmgrid.plugin.region.internal.JobSupervisor;
import io.swarmgrid.plugin.region.internal.JournalLosses;
import io.swarmgrid.plugin.region.internal.Link;
import io.swarmgrid.plugin.region.internal.LinkPlanner;
import io.swarmgrid.plugin.region.internal.RegionProber;
import io.swarmgrid.plugin.region.internal.ReplicationJobs;
import io.swarmgrid.plugin.region.internal.ResyncLog;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.storage.runtime.SwarmServices;
import io.swarmgrid.storage.runtime.SwarmThreads;
import io.swarmgrid.tasks.region.SerializedForm;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replication across regions ({@code swarmgrid.engines.region: true}). For each replicated map and
 * each target region it keeps one Jet job running in this region's cluster (the oldest member
 * submits it; every member runs its share): the map's event journal, stamped, delivered to the
 * target with the map's conflict policy. The job runs with a processing guarantee and snapshots, so
 * it survives the loss of a source member; an unreachable target is retried with backoff inside the
 * job (the journal holds the backlog) and reported in {@code swarm.replication}, never failing the
 * member. A link that starts for the first time in this cluster also runs a full copy of the map;
 * after a long outage or journal events lost, a resync by digest ships only the keys that differ.
 *
 * <p>Its roles are in {@code internal/}: the link planner, the job supervisor, the region prober,
 * the journal-loss listener and, inside the jobs, the region writer.
 */
public final class RegionEngine implements SwarmEngine {
  private static final Logger LOG = LoggerFactory.getLogger(RegionEngine.class);

  private SwarmNode node;
  private List<Link> links = List.of();
  private ScheduledExecutorService timer;
  private final JobSupervisor supervisor = new JobSupervisor();
  private RegionProber prober;
  private JournalLosses journalLosses;
  private SerializedForm serializedForm;
  private final ResyncLog resyncLog = new ResyncLog();

  @Override
  public EngineKind kind() {
    return EngineKind.REGION;
  }

  @Override
  public void start(SwarmNode node) {
    this.node = node;
    this.serializedForm = new ValueHash(node.hazelcast());
    SwarmGridConfig config = node.config();
    this.links = plan(config);
    for (String map :
        links.stream().map(Link::map).collect(Collectors.toCollection(TreeSet::new))) {
      LinkPlanner.ensureJournal(node.hazelcast(), map, config);
    }
    this.prober = new RegionProber(node.hazelcast(), config);
    this.journalLosses = new JournalLosses(links);
    SwarmServices.of(node.hazelcast()).put(RegionEngine.class, this);
    // The digest aggregators of a resync find the serialized form here, on both regions' members.
    SwarmServices.of(node.hazelcast()).put(SerializedForm.class, serializedForm);
    SwarmServices.of(node.hazelcast()).put(ResyncLog.class, resyncLog);
    node.hazelcast().getLoggingService().addLogListener(Level.WARNING, journalLosses);
    if (links.isEmpty()) {
      LOG.info(
          "region engine on in region {}: no peers configured, nothing replicates",
          config.node().region());
      return;
    }
    timer = SwarmThreads.scheduler("swarmgrid-region-" + node.hazelcast().getName());
    long every = config.regions().statusIntervalMillis();
    timer.scheduleWithFixedDelay(this::tick, 0, every, TimeUnit.MILLISECONDS);
    LOG.info(
        "region engine on in region {}: {} link(s) {}",
        config.node().region(),
        links.size(),
        links.stream().map(l -> l.map() + "->" + l.target()).toList());
  }

  @Override
  public void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
    if (prober != null) {
      prober.close();
    }
    if (node != null) {
      SwarmServices.of(node.hazelcast()).remove(RegionEngine.class, this);
      SwarmServices.of(node.hazelcast()).remove(SerializedForm.class, serializedForm);
      SwarmServices.of(node.hazelcast()).remove(ResyncLog.class, resyncLog);
      node.hazelcast().getLoggingService().removeLogListener(journalLosses);
    }
  }

  /**
   * Journal events that the job replicating {@code map} to region {@code target} found, on this
   * member, overwritten before it read them: the journal overflowed while the link was behind.
   * Jet's journal source tells this only in a warning ({@code "N events lost for partition P due to
   * journal overflow"}, prefixed with the job's name), which this engine listens for on the
   * member's logging service.
   */
  public long lostEvents(String map, String target) {
    return journalLosses.lostEvents(map, target);
  }

  /** The links this region replicates: one per replicated map and target region. */
  public List<Link> links() {
    return links;
  }

  /**
   * Copies the whole of {@code map} to {@code target} again, beside the streaming job (for a region
   * that fell too far behind); returns the copy job.
   */
  public Job resync(String map, String target) {
    Link link = link(map, target);
    return node.hazelcast()
        .getJet()
        .newJob(
            ReplicationJobs.fullSync(link),
            new JobConfig().setName(link.syncJobName("manual-" + System.currentTimeMillis())));
  }

  /**
   * Brings {@code target}'s copy of {@code map} level with this region's by shipping only the
   * entries that differ (see {@link DigestResync}); blocks until the target took them.
   *
   * @throws IllegalArgumentException when there is no such link
   * @throws IllegalStateException when the target cannot be reached or a delivery fails
   */
  public ResyncReport resyncByDigest(String map, String target) {
    return new DigestResync(node.hazelcast(), link(map, target)).run();
  }

  /**
   * The last automatic resync (by digest, after an outage or journal events lost) of {@code map} to
   * {@code target} that ran on this member; each runs on one member of the region.
   */
  public Optional<ResyncReport> lastAutomaticResync(String map, String target) {
    return resyncLog.last(link(map, target));
  }

  private Link link(String map, String target) {
    return links.stream()
        .filter(l -> l.map().equals(map) && l.target().equals(target))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no replication link "
                        + map
                        + " -> "
                        + target
                        + "; links: "
                        + links.stream().map(l -> l.map() + "->" + l.target()).toList()));
  }

  /**
   * The replication links of a config, after checking that every {@code swarm.*} map it names is in
   * the SwarmGrid catalogue (a misspelt catalogue map would otherwise replicate nothing, silently).
   */
  public static List<Link> plan(SwarmGridConfig config) {
    return LinkPlanner.plan(config);
  }

  private void tick() {
    try {
      HazelcastInstance hz = node.hazelcast();
      if (!hz.getLifecycleService().isRunning()) {
        return;
      }
      if (!hz.getCluster().getMembers().iterator().next().localMember()) {
        return;
      }
      for (Link link : links) {
        supervisor.ensureRunning(hz.getJet(), link);
      }
      JobSupervisor.forgetDepartedMembers(hz);
      prober.measure();
    } catch (RuntimeException e) {
      BackgroundFailures.report("region.tick", e);
    }
  }
}
