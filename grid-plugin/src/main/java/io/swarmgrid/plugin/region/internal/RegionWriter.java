package io.swarmgrid.plugin.region.internal;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientConnectionStrategyConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.jet.core.Processor;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.region.RegionEngine;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.SwarmSerialization;
import io.swarmgrid.storage.internal.CallerRuns;
import io.swarmgrid.storage.region.ReplicationStamp;
import io.swarmgrid.storage.region.ReplicationStatus;
import io.swarmgrid.tasks.region.ApplyStamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink of a replication job on one source member: delivers stamped changes to the target region
 * through a Hazelcast client, the conflict decision made by {@link ApplyStamp} on the target's
 * member that owns the key, then the value written (or removed). While the target is unreachable it
 * retries the same batch with exponential backoff (Resilience4j) and the job stops reading: the
 * event journal holds the backlog. After an outage longer than {@code resync-after-millis} it
 * starts a full copy of the map, since the journal may have overflowed meanwhile. Publishes its
 * status to {@code swarm.replication}.
 *
 * <p>It runs on a Jet blocking thread, and must give up when the job is cancelled or the member
 * stops, or the job's cancellation and the member's shutdown wait on it forever (seen: a cancelled
 * job stayed COMPLETING while its sinks kept retrying). So before each retry it asks whether its
 * job is still running, an interrupt is kept and ends the retry, and a lifecycle listener shuts the
 * target client down as soon as the member starts shutting down, failing any call in flight. A
 * retry already waiting ends after at most {@code retry-max-millis}.
 */
final class RegionWriter {
  private static final Logger LOG = LoggerFactory.getLogger(RegionWriter.class);
  private static final int LAG_SAMPLES = 4096;

  private final Link link;
  private final boolean publishes;
  private final HazelcastInstance member;
  private final String memberId;
  private final IMap<String, ReplicationStatus> status;
  private final HazelcastInstance client;
  private IMap<Object, Object> targetMap;
  private IMap<Object, ReplicationStamp> targetStamps;
  private final Retry retry;
  private final ValueHash hash;
  private final LinkedHashMap<Object, Shipment> pending = new LinkedHashMap<>();
  private final long[] lags = new long[LAG_SAMPLES];
  private int lagCount;
  private long shipped;
  private long applied;
  private long rejected;
  private long delivered;
  private long deliveredAtLastStatus;
  private long lastStatusAt;
  private long lastLag;
  private long blockedSince;
  private String lastError = "";
  private long lastErrorAt;
  private long resyncs;
  private long policyCheckedAt;
  private long lostEvents;
  private volatile boolean closed;
  private final long jobId;
  private final UUID lifecycleListener;
  private final ScheduledExecutorService slowCalls;
  // Held by the Jet thread while it works; the status timer publishes only when it can take it.
  private final ReentrantLock working = new ReentrantLock();

  RegionWriter(Processor.Context ctx, Link link, boolean publishes) {
    this.link = link;
    this.publishes = publishes;
    this.member = ctx.hazelcastInstance();
    this.jobId = ctx.jobId();
    this.memberId = member.getCluster().getLocalMember().getUuid().toString().substring(0, 8);
    this.status = member.getMap(SwarmMap.REPLICATION.mapName());
    ClientConfig cc = new ClientConfig();
    cc.setClusterName(link.clusterName());
    cc.setInstanceName(
        "swarmgrid-" + link.source() + "-to-" + link.target() + "-" + UUID.randomUUID());
    cc.setProperty("hazelcast.phone.home.enabled", "false");
    link.addresses().forEach(a -> cc.getNetworkConfig().addAddress(a));
    cc.getConnectionStrategyConfig()
        .setAsyncStart(true)
        .setReconnectMode(ClientConnectionStrategyConfig.ReconnectMode.ASYNC)
        .getConnectionRetryConfig()
        .setInitialBackoffMillis((int) Math.min(Integer.MAX_VALUE, link.retryInitialMillis()))
        .setMaxBackoffMillis((int) Math.min(Integer.MAX_VALUE, link.retryMaxMillis()))
        .setClusterConnectTimeoutMillis(-1);
    SwarmSerialization.register(cc.getSerializationConfig());
    this.client = HazelcastClient.newHazelcastClient(cc);
    this.retry =
        Retry.of(
            "replicate-" + link.map() + "-to-" + link.target(),
            RetryConfig.custom()
                .maxAttempts(Integer.MAX_VALUE)
                .intervalFunction(
                    IntervalFunction.ofExponentialBackoff(
                        link.retryInitialMillis(), 2.0, link.retryMaxMillis()))
                .retryOnException(e -> !(e instanceof CancellationException) && !stopping())
                .build());
    this.lifecycleListener =
        member
            .getLifecycleService()
            .addLifecycleListener(
                event -> {
                  if (event.getState() == LifecycleState.SHUTTING_DOWN) {
                    closed = true;
                    client.getLifecycleService().terminate();
                  }
                });
    this.hash = new ValueHash(member);
    this.slowCalls =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t =
                  new Thread(r, "swarmgrid-" + link.map() + "-to-" + link.target() + "-reads");
              t.setDaemon(true);
              return t;
            });
    this.lastStatusAt = System.currentTimeMillis();
    publish("starting", lastStatusAt);
    // Jet calls flush only when items arrive: without this timer the status of an idle link would
    // stay as the last busy flush left it.
    slowCalls.scheduleWithFixedDelay(
        this::publishIfIdle,
        link.statusIntervalMillis(),
        link.statusIntervalMillis(),
        TimeUnit.MILLISECONDS);
  }

  void add(Shipment s) {
    working.lock();
    try {
      // Coalesce per key inside a batch: only the newest state of a key travels, one request in
      // flight per key.
      pending.remove(s.key());
      pending.put(s.key(), s);
    } finally {
      working.unlock();
    }
  }

  void flush() {
    working.lock();
    try {
      if (!pending.isEmpty()) {
        retry.executeRunnable(this::deliver);
        pending.clear();
      }
      long now = System.currentTimeMillis();
      checkJournalLosses(now);
      if (now - lastStatusAt >= link.statusIntervalMillis()) {
        publish(blockedSince > 0 ? "retrying" : "running", now);
      }
    } finally {
      working.unlock();
    }
  }

  private void publishIfIdle() {
    if (closed || !working.tryLock()) {
      return; // the Jet thread is delivering and publishes itself
    }
    try {
      long now = System.currentTimeMillis();
      if (now - lastStatusAt >= link.statusIntervalMillis()) {
        publish(blockedSince > 0 ? "retrying" : "running", now);
      }
    } catch (RuntimeException e) {
      LOG.debug("status not published", e);
    } finally {
      working.unlock();
    }
  }

  private void deliver() {
    List<CompletableFuture<Boolean>> results = new ArrayList<>(pending.size());
    try {
      send(results);
      CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
          .get(link.retryMaxMillis() + 30_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw stopped(e);
    } catch (Exception e) {
      if (stopping()) {
        throw stopped(e);
      }
      failed(e);
      throw new IllegalStateException(
          "delivery to region " + link.target() + " failed: " + e.getMessage(), e);
    }
    done(results);
  }

  /** The job is being cancelled or suspended, or the member is going down: retrying is over. */
  private boolean stopping() {
    if (closed || Thread.currentThread().isInterrupted()) {
      return true;
    }
    try {
      Job job = member.getJet().getJob(jobId);
      return job == null || job.getStatus() != JobStatus.RUNNING;
    } catch (RuntimeException e) {
      return true;
    }
  }

  private CancellationException stopped(Exception cause) {
    CancellationException e =
        new CancellationException(
            "delivery of "
                + link.map()
                + " to region "
                + link.target()
                + " given up: the job is cancelled or the member stops");
    e.initCause(cause);
    return e;
  }

  private String policyName() {
    return link.mergeClass().isEmpty() ? link.policy() : link.policy() + ":" + link.mergeClass();
  }

  /**
   * Active-active replication converges only if both directions judge conflicts alike: the links of
   * the same map coming back from the target must use the same policy. Checked against the statuses
   * the target region publishes, once per status interval.
   */
  private void checkPolicies(long now) {
    if (now - policyCheckedAt < link.statusIntervalMillis()) {
      return;
    }
    IMap<String, ReplicationStatus> back = client.getMap(SwarmMap.REPLICATION.mapName());
    for (ReplicationStatus s :
        back.values(Predicates.like("__key", link.map() + "|" + link.source() + "|%"))) {
      if (!s.policy().isEmpty() && !s.policy().equals(policyName())) {
        throw new IllegalStateException(
            "conflicting policies for map "
                + link.map()
                + ": region "
                + link.source()
                + " uses "
                + policyName()
                + ", region "
                + link.target()
                + " uses "
                + s.policy()
                + "; make swarmgrid.regions.maps."
                + link.map()
                + ".policy the same in both (nothing is delivered until then)");
      }
    }
    policyCheckedAt = now;
  }

  private void send(List<CompletableFuture<Boolean>> results) {
    checkPolicies(System.currentTimeMillis());
    if (targetStamps == null) {
      // Proxies need the target cluster: made on the first delivery, inside the retry.
      targetMap = client.getMap(link.map());
      targetStamps = client.getMap(ReplicationJobs.stampMapName(link.map()));
    }
    for (Shipment s : pending.values()) {
      // Continuations run on the client's response thread (CallerRuns), except the rare read of a
      // local write's update time, which blocks and runs on this writer's own thread.
      CompletionStage<Boolean> r =
          targetMap
              .getAsync(s.key())
              .thenComposeAsync(
                  current -> {
                    long currentHash = current == null ? 0 : hash.of(current);
                    return targetStamps.submitToKey(s.key(), apply(s, currentHash, 0));
                  },
                  CallerRuns.EXECUTOR)
              .thenComposeAsync(
                  verdict -> {
                    if (verdict == ApplyStamp.NEED_UPDATE_TIME) {
                      // A real conflict with an unstamped local write at the target (rare): judge
                      // it by that
                      // write's update time.
                      return CompletableFuture.supplyAsync(
                              () -> targetMap.getEntryView(s.key()), slowCalls)
                          .thenCompose(
                              view ->
                                  targetStamps.submitToKey(
                                      s.key(),
                                      view == null
                                          ? apply(s, 0, 0)
                                          : apply(
                                              s,
                                              hash.of(view.getValue()),
                                              Math.max(1, view.getLastUpdateTime()))));
                    }
                    return CompletableFuture.completedFuture(verdict);
                  },
                  CallerRuns.EXECUTOR)
              .thenComposeAsync(
                  verdict -> {
                    if (verdict != ApplyStamp.APPLY) {
                      return CompletableFuture.completedFuture(false);
                    }
                    CompletionStage<?> write =
                        s.stamp().removed()
                            ? targetMap.deleteAsync(s.key())
                            : targetMap.setAsync(s.key(), s.value());
                    return write.thenApplyAsync(x -> true, CallerRuns.EXECUTOR);
                  },
                  CallerRuns.EXECUTOR);
      results.add(r.toCompletableFuture());
    }
  }

  private ApplyStamp apply(Shipment s, long currentHash, long currentUpdateTime) {
    return ApplyStamp.of(
        s.stamp(),
        link.policy(),
        link.mergeClass(),
        link.tombstoneTtlSeconds(),
        link.target(),
        currentHash,
        currentUpdateTime);
  }

  private void done(List<CompletableFuture<Boolean>> results) {
    long now = System.currentTimeMillis();
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i).join()) {
        applied++;
      } else {
        rejected++;
      }
    }
    for (Shipment s : pending.values()) {
      lastLag = Math.max(0, now - s.stamp().time());
      if (lagCount < LAG_SAMPLES) {
        lags[lagCount++] = lastLag;
      }
    }
    shipped += pending.size();
    delivered += pending.size();
    if (blockedSince > 0) {
      long outage = now - blockedSince;
      blockedSince = 0;
      LOG.info("region {} reachable again for {} after {} ms", link.target(), link.map(), outage);
      if (outage >= link.resyncAfterMillis() && publishes) {
        resync(now);
      }
      publish("running", now);
    }
  }

  private void failed(Exception e) {
    long now = System.currentTimeMillis();
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    lastError = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    lastErrorAt = now;
    if (blockedSince == 0) {
      blockedSince = now;
      LOG.warn(
          "delivery to region {} failed for {} ({}); retrying with backoff, the event journal holds the backlog",
          link.target(),
          link.map(),
          lastError);
    }
    if (now - lastStatusAt >= link.statusIntervalMillis()) {
      publish("retrying", now);
    }
  }

  /**
   * Events the journal overwrote before this member's job read them can only be recovered by a full
   * copy: reported in the status and the last error, and a full sync started.
   */
  private void checkJournalLosses(long now) {
    if (!publishes) {
      return;
    }
    long lost =
        SwarmGrid.service(member, RegionEngine.class)
            .map(engine -> engine.lostEvents(link.map(), link.target()))
            .orElse(0L);
    if (lost > lostEvents) {
      lastError =
          "journal overflow: "
              + (lost - lostEvents)
              + " events of "
              + link.map()
              + " were overwritten before they were read (raise storage.event-journal-capacity); full sync started";
      lastErrorAt = now;
      LOG.warn("{} to region {}: {}", link.map(), link.target(), lastError);
      lostEvents = lost;
      resync(now);
      publish(blockedSince > 0 ? "retrying" : "running", now);
    }
  }

  private void resync(long now) {
    // One job name per resync window: writers on other members that recover at the same time join
    // it.
    String epoch = Long.toString(now / link.resyncAfterMillis());
    try {
      JobConfig jc = new JobConfig().setName(link.syncJobName(epoch));
      member.getJet().newJobIfAbsent(ReplicationJobs.fullSync(link), jc);
      resyncs++;
      LOG.info(
          "full sync of {} to region {} started after an outage (journal may have overflowed)",
          link.map(),
          link.target());
    } catch (RuntimeException e) {
      lastError = "resync not started: " + e;
      lastErrorAt = now;
    }
  }

  private void publish(String state, long now) {
    if (!publishes) {
      return;
    }
    double seconds = Math.max(0.001, (now - lastStatusAt) / 1000.0);
    double rate = (delivered - deliveredAtLastStatus) / seconds;
    long p99 = 0;
    if (lagCount > 0) {
      long[] sorted = Arrays.copyOf(lags, lagCount);
      Arrays.sort(sorted);
      p99 = sorted[Math.min(lagCount - 1, (int) Math.ceil(lagCount * 0.99) - 1)];
    }
    long backlog = pending.size();
    long lag =
        blockedSince > 0 && !pending.isEmpty()
            ? now - pending.values().iterator().next().stamp().time()
            : lastLag;
    ReplicationStatus s =
        new ReplicationStatus(
            link.map(),
            link.source(),
            link.target(),
            memberId,
            state,
            shipped,
            applied,
            rejected,
            backlog,
            lag,
            p99,
            rate,
            lastError,
            lastErrorAt,
            resyncs,
            now,
            policyName(),
            lostEvents);
    try {
      status.setAsync(
          ReplicationStatus.key(link.map(), link.target(), memberId), s, 1, TimeUnit.DAYS);
    } catch (RuntimeException e) {
      LOG.debug("status not published", e);
    }
    lagCount = 0;
    deliveredAtLastStatus = delivered;
    lastStatusAt = now;
  }

  void close() {
    closed = true;
    slowCalls.shutdownNow();
    try {
      member.getLifecycleService().removeLifecycleListener(lifecycleListener);
    } catch (RuntimeException ignored) {
      // The member may be going down.
    }
    try {
      publish("stopped", System.currentTimeMillis());
    } catch (RuntimeException ignored) {
      // The member may be going down.
    }
    client.shutdown();
  }
}
