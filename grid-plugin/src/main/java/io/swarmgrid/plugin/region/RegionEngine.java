package io.swarmgrid.plugin.region;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientConnectionStrategyConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.config.EventJournalConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.JetService;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.config.ProcessingGuarantee;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.logging.LogEvent;
import com.hazelcast.logging.LogListener;
import com.hazelcast.map.IMap;
import io.github.resilience4j.core.IntervalFunction;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.RegionsConfig;
import io.swarmgrid.config.SwarmConfigException;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.engine.SwarmEngine;
import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.plugin.region.internal.Link;
import io.swarmgrid.plugin.region.internal.ReplicationJobs;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.SwarmSerialization;
import io.swarmgrid.storage.region.RegionHealth;
import io.swarmgrid.storage.region.ReplicationStatus;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.storage.runtime.SwarmServices;
import io.swarmgrid.storage.runtime.SwarmThreads;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * member. A link that starts for the first time in this cluster also runs a full copy of the map.
 */
public final class RegionEngine implements SwarmEngine {
  private static final Logger LOG = LoggerFactory.getLogger(RegionEngine.class);
  private static final Pattern LOST_EVENTS =
      Pattern.compile("(\\d+) events lost for partition (\\d+)");

  private SwarmNode node;
  private List<Link> links = List.of();
  private ScheduledExecutorService timer;
  private final Map<String, Integer> failures = new HashMap<>();
  private final Map<String, Long> retryAt = new HashMap<>();
  private final Map<String, HazelcastInstance> pingClients = new ConcurrentHashMap<>();
  // Journal events lost by each link's job on this member, by the job's name.
  private final Map<String, AtomicLong> lostEvents = new ConcurrentHashMap<>();
  private final LogListener journalLosses = this::onWarning;

  @Override
  public EngineKind kind() {
    return EngineKind.REGION;
  }

  @Override
  public void start(SwarmNode node) {
    this.node = node;
    SwarmGridConfig config = node.config();
    this.links = plan(config);
    for (String map :
        links.stream().map(Link::map).collect(Collectors.toCollection(TreeSet::new))) {
      ensureJournal(node.hazelcast(), map, config);
    }
    SwarmServices.of(node.hazelcast()).put(RegionEngine.class, this);
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
    pingClients
        .values()
        .forEach(
            c -> {
              try {
                c.shutdown();
              } catch (RuntimeException ignored) {
                // Already down.
              }
            });
    pingClients.clear();
    if (node != null) {
      SwarmServices.of(node.hazelcast()).remove(RegionEngine.class, this);
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
    return links.stream()
        .filter(l -> l.map().equals(map) && l.target().equals(target))
        .findFirst()
        .map(l -> lostEvents.get(l.streamJobName()))
        .map(AtomicLong::get)
        .orElse(0L);
  }

  private void onWarning(LogEvent event) {
    String message = event.getLogRecord().getMessage();
    if (message == null || !message.contains(" events lost for partition ")) {
      return;
    }
    Matcher m = LOST_EVENTS.matcher(message);
    if (!m.find()) {
      return;
    }
    for (Link link : links) {
      // The prefix is "jobName/vertex#i": match the name whole, since one map's job names share a
      // stem.
      if (message.contains(link.streamJobName() + "/")
          || message.contains(link.streamJobName() + " ")) {
        lostEvents
            .computeIfAbsent(link.streamJobName(), n -> new AtomicLong())
            .addAndGet(Long.parseLong(m.group(1)));
        return;
      }
    }
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
    Link link =
        links.stream()
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
    return node.hazelcast()
        .getJet()
        .newJob(
            ReplicationJobs.fullSync(link),
            new JobConfig().setName(link.syncJobName("manual-" + System.currentTimeMillis())));
  }

  /**
   * The replication links of a config, after checking that every {@code swarm.*} map it names is in
   * the SwarmGrid catalogue (a misspelt catalogue map would otherwise replicate nothing, silently).
   */
  public static List<Link> plan(SwarmGridConfig config) {
    RegionsConfig regions = config.regions();
    Set<String> catalogue =
        Arrays.stream(SwarmMap.values()).map(SwarmMap::mapName).collect(Collectors.toSet());
    Set<String> maps = new TreeSet<>();
    if (regions.maps().isEmpty()) {
      Arrays.stream(SwarmMap.values())
          .filter(SwarmMap::replicated)
          .forEach(m -> maps.add(m.mapName()));
    } else {
      for (String m : regions.maps().keySet()) {
        if (m.startsWith("swarm.") && !catalogue.contains(m)) {
          throw new SwarmConfigException(
              "swarmgrid.regions.maps." + m,
              m,
              "a SwarmGrid map "
                  + new TreeSet<>(catalogue)
                  + " or a map outside the swarm. prefix");
        }
        maps.add(m);
      }
    }
    for (int i = 0; i < regions.placement().size(); i++) {
      String m = regions.placement().get(i).map();
      if (m.startsWith("swarm.") && !catalogue.contains(m)) {
        throw new SwarmConfigException(
            "swarmgrid.regions.placement[" + i + "].map",
            m,
            "a SwarmGrid map " + new TreeSet<>(catalogue) + " or a map outside the swarm. prefix");
      }
    }
    List<Link> out = new ArrayList<>();
    for (String m : maps) {
      for (String target : regions.targetsOf(m)) {
        out.add(Link.of(m, config.node().region(), target, regions));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Replication reads the event journal, and the latest-update clock reads each entry's update
   * time: a user map without them gets them (before its first use).
   */
  private static void ensureJournal(HazelcastInstance hz, String map, SwarmGridConfig config) {
    MapConfig existing = hz.getConfig().findMapConfig(map);
    if (existing.getEventJournalConfig().isEnabled() && existing.isPerEntryStatsEnabled()) {
      return;
    }
    MapConfig withJournal = new MapConfig(existing).setName(map).setPerEntryStatsEnabled(true);
    if (!existing.getEventJournalConfig().isEnabled()) {
      withJournal.setEventJournalConfig(
          new EventJournalConfig()
              .setEnabled(true)
              .setCapacity(config.storage().eventJournalCapacity()));
    }
    try {
      hz.getConfig().addMapConfig(withJournal);
    } catch (RuntimeException e) {
      throw new SwarmConfigException(
          "swarmgrid.regions.maps." + map,
          map,
          "a map with an event journal and per-entry stats (configure event-journal and per-entry-stats-enabled for it in hazelcast.yaml): "
              + e.getMessage(),
          e);
    }
  }

  private void tick() {
    try {
      HazelcastInstance hz = node.hazelcast();
      if (!hz.getLifecycleService().isRunning()) {
        return;
      }
      Member oldest = hz.getCluster().getMembers().iterator().next();
      if (!oldest.localMember()) {
        return;
      }
      JetService jet = hz.getJet();
      for (Link link : links) {
        ensureRunning(jet, link);
      }
      forgetDepartedMembers(hz);
      measureRegions(hz);
    } catch (RuntimeException e) {
      BackgroundFailures.report("region.tick", e);
    }
  }

  private void ensureRunning(JetService jet, Link link) {
    String name = link.streamJobName();
    Job job = jet.getJob(name);
    long now = System.currentTimeMillis();
    if (job != null && !job.getStatus().isTerminal()) {
      failures.remove(name);
      return;
    }
    if (job != null && job.getStatus() == JobStatus.FAILED) {
      int n = failures.merge(name, 1, Integer::sum);
      Long at = retryAt.get(name);
      if (at == null) {
        long wait =
            IntervalFunction.ofExponentialBackoff(
                    link.retryInitialMillis(), 2.0, link.retryMaxMillis())
                .apply(Math.min(n, 30));
        retryAt.put(name, now + wait);
        LOG.warn(
            "replication job {} failed ({} time(s)); resubmitting in {} ms: {}",
            name,
            n,
            wait,
            failureText(job));
        return;
      }
      if (now < at) {
        return;
      }
      retryAt.remove(name);
    }
    JobConfig jc =
        new JobConfig()
            .setName(name)
            .setProcessingGuarantee(ProcessingGuarantee.AT_LEAST_ONCE)
            .setSnapshotIntervalMillis(link.snapshotIntervalMillis());
    jet.newJobIfAbsent(ReplicationJobs.stream(link), jc);
    if (jet.getJob(link.syncJobName("initial")) == null) {
      jet.newJobIfAbsent(
          ReplicationJobs.fullSync(link), new JobConfig().setName(link.syncJobName("initial")));
    }
    LOG.info("replication job {} submitted", name);
  }

  /**
   * Pings every peer region through a client of its own (a read of a missing key: one round trip)
   * and records it with this region's load in {@code swarm.regions}, for the geographic router.
   */
  private void measureRegions(HazelcastInstance hz) {
    IMap<String, RegionHealth> health = hz.getMap(SwarmMap.REGIONS.mapName());
    long now = System.currentTimeMillis();
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    double load = Math.max(0, os.getSystemLoadAverage()) / Math.max(1, os.getAvailableProcessors());
    String own = node.config().node().region();
    health.set(own, new RegionHealth(own, true, true, 0, load, "", now));
    long timeout = Math.min(2000, 2 * node.config().regions().statusIntervalMillis());
    for (Map.Entry<String, RegionsConfig.RegionPeer> peer :
        node.config().regions().peers().entrySet()) {
      HazelcastInstance client =
          pingClients.computeIfAbsent(peer.getKey(), name -> pingClient(name, peer.getValue()));
      long start = System.nanoTime();
      RegionHealth h;
      try {
        client
            .getMap(SwarmMap.REGIONS.mapName())
            .getAsync("__swarmgrid-ping")
            .toCompletableFuture()
            .get(timeout, TimeUnit.MILLISECONDS);
        h =
            new RegionHealth(
                peer.getKey(), false, true, (System.nanoTime() - start) / 1e6, -1, "", now);
      } catch (Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        h =
            new RegionHealth(
                peer.getKey(),
                false,
                false,
                0,
                -1,
                cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                now);
      }
      health.set(peer.getKey(), h);
    }
  }

  private HazelcastInstance pingClient(String region, RegionsConfig.RegionPeer peer) {
    ClientConfig cc = new ClientConfig();
    cc.setClusterName(peer.clusterName());
    cc.setInstanceName(
        "swarmgrid-ping-"
            + node.config().node().region()
            + "-to-"
            + region
            + "-"
            + UUID.randomUUID());
    cc.setProperty("hazelcast.phone.home.enabled", "false");
    peer.addresses().forEach(a -> cc.getNetworkConfig().addAddress(a));
    RegionsConfig r = node.config().regions();
    cc.getConnectionStrategyConfig()
        .setAsyncStart(true)
        .setReconnectMode(ClientConnectionStrategyConfig.ReconnectMode.ASYNC)
        .getConnectionRetryConfig()
        .setInitialBackoffMillis((int) Math.min(Integer.MAX_VALUE, r.retryInitialMillis()))
        .setMaxBackoffMillis((int) Math.min(Integer.MAX_VALUE, r.retryMaxMillis()))
        .setClusterConnectTimeoutMillis(-1);
    SwarmSerialization.register(cc.getSerializationConfig());
    return HazelcastClient.newHazelcastClient(cc);
  }

  private static String failureText(Job job) {
    try {
      job.join();
      return "";
    } catch (RuntimeException e) {
      return e.getMessage();
    }
  }

  private static void forgetDepartedMembers(HazelcastInstance hz) {
    Set<String> alive =
        hz.getCluster().getMembers().stream()
            .map(m -> m.getUuid().toString().substring(0, 8))
            .collect(Collectors.toSet());
    var status = hz.<String, ReplicationStatus>getMap(SwarmMap.REPLICATION.mapName());
    for (String key : status.keySet()) {
      String member = key.substring(key.lastIndexOf('|') + 1);
      if (!alive.contains(member)) {
        status.delete(key);
      }
    }
  }
}
