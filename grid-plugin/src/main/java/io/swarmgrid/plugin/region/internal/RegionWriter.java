package io.swarmgrid.plugin.region.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.jet.core.Processor;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.swarmgrid.plugin.hazelcast.ValueHash;
import io.swarmgrid.tasks.region.ApplyStamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink of a replication job on one source member: delivers stamped changes to the target region
 * ({@link TargetRegion}: the conflict decision made by {@link ApplyStamp} on the target's member
 * that owns the key, then the value written or removed). While the target is unreachable it retries
 * the same batch with exponential backoff (Resilience4j) and the job stops reading: the event
 * journal holds the backlog. After an outage longer than {@code resync-after-millis}, or journal
 * events lost, it starts a resync by digest ({@link AutoResync}): the journal may have overflowed.
 * Publishes its status ({@link LinkStatus}) to {@code swarm.replication}.
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

  private final Link link;
  private final boolean publishes;
  private final boolean countsLosses;
  private final HazelcastInstance member;
  private final long jobId;
  private final TargetRegion target;
  private final LinkStatus status;
  private final StageTimes stages;
  private final AutoResync resyncs;
  private final Retry retry;
  private final LinkedHashMap<Object, Shipment> pending = new LinkedHashMap<>();
  private final UUID lifecycleListener;
  private final ScheduledExecutorService timer;
  // Held by the Jet thread while it works; the status timer publishes only when it can take it.
  private final ReentrantLock working = new ReentrantLock();
  private long blockedSince;
  private long policyCheckedAt;
  private volatile boolean closed;

  RegionWriter(Processor.Context ctx, Link link, boolean publishes) {
    this.link = link;
    this.publishes = publishes;
    this.member = ctx.hazelcastInstance();
    this.jobId = ctx.jobId();
    this.timer = TargetRegion.timer(link);
    this.target = new TargetRegion(link, new ValueHash(member), timer);
    // Journal losses are the member's, not a writer's: the first writer alone counts them.
    this.countsLosses = publishes && ctx.localProcessorIndex() == 0;
    this.status =
        new LinkStatus(member, link, publishes, target.policyName(), ctx.localProcessorIndex());
    this.stages = new StageTimes(member, link);
    this.resyncs = new AutoResync(member, link, status);
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
                    // An exception here would end the member's shutdown: Hazelcast runs its
                    // lifecycle listeners in the shutdown's own thread and does not catch.
                    try {
                      target.terminate();
                    } catch (RuntimeException e) {
                      LOG.warn(
                          "{} could not end its client to region {}",
                          link.streamJobName(),
                          link.target(),
                          e);
                    }
                  }
                });
    publish("starting", System.currentTimeMillis());
    // Jet calls flush only when items arrive: without this timer the status of an idle link would
    // stay as the last busy flush left it.
    timer.scheduleWithFixedDelay(
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
      stages.reachedSink(s, System.currentTimeMillis());
    } finally {
      working.unlock();
    }
  }

  void flush() {
    working.lock();
    try {
      if (!pending.isEmpty()) {
        long t0 = System.nanoTime();
        retry.executeRunnable(this::deliver);
        pending.clear();
        stages.flushed(System.nanoTime() - t0);
      }
      long now = System.currentTimeMillis();
      checkJournalLosses(now);
      if (status.due(now)) {
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
      if (status.due(now)) {
        publish(blockedSince > 0 ? "retrying" : "running", now);
      }
    } catch (RuntimeException e) {
      LOG.debug("status not published", e);
    } finally {
      working.unlock();
    }
  }

  private void deliver() {
    List<CompletableFuture<Boolean>> results;
    try {
      long now = System.currentTimeMillis();
      if (now - policyCheckedAt >= link.statusIntervalMillis()) {
        target.checkPolicies();
        policyCheckedAt = now;
      }
      results = target.send(pending.values());
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

  private void done(List<CompletableFuture<Boolean>> results) {
    long now = System.currentTimeMillis();
    long applied = results.stream().filter(CompletableFuture::join).count();
    for (Shipment s : pending.values()) {
      status.lag(s.writtenAt(), now);
    }
    status.counted(applied, results.size() - applied, pending.size());
    if (blockedSince > 0) {
      long outage = now - blockedSince;
      blockedSince = 0;
      LOG.info("region {} reachable again for {} after {} ms", link.target(), link.map(), outage);
      if (outage >= link.resyncAfterMillis() && publishes) {
        resyncs.start(now);
      }
      publish("running", now);
    }
  }

  private void failed(Exception e) {
    long now = System.currentTimeMillis();
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    status.error(cause.getClass().getSimpleName() + ": " + cause.getMessage(), now);
    if (blockedSince == 0) {
      blockedSince = now;
      LOG.warn(
          "delivery to region {} failed for {} ({}); retrying with backoff, the event journal holds the backlog",
          link.target(),
          link.map(),
          status.lastError());
    }
    if (status.due(now)) {
      publish("retrying", now);
    }
  }

  private void checkJournalLosses(long now) {
    if (countsLosses && resyncs.checkJournalLosses(now)) {
      publish(blockedSince > 0 ? "retrying" : "running", now);
    }
  }

  private void publish(String state, long now) {
    long oldestWaiting =
        blockedSince > 0 && !pending.isEmpty() ? pending.values().iterator().next().writtenAt() : 0;
    status.publish(state, now, pending.size(), oldestWaiting);
  }

  void close() {
    closed = true;
    timer.shutdownNow();
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
    target.shutdown();
  }
}
