package io.swarmgrid.plugin.region.internal;

import com.hazelcast.client.HazelcastClientOfflineException;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.swarmgrid.plugin.hazelcast.ValueHash;
import io.swarmgrid.plugin.region.ResyncReport;
import io.swarmgrid.tasks.region.BucketDigests;
import io.swarmgrid.tasks.region.BucketEntries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A resync that ships only what differs: both regions digest their copy of the map per key bucket
 * ({@link BucketDigests}, computed where the data lives), the target's digests travel here, the
 * buckets that differ are listed on both sides ({@link BucketEntries}: the target answers 16 bytes
 * an entry), and only this region's entries whose value the target does not hold are stamped and
 * delivered, through the same conflict policy as the stream. Like the full copy, it ships the
 * states this region originated (or that have no stamp yet); entries only the target holds are left
 * to their own origin.
 */
public final class DigestResync {
  /**
   * Key buckets. 16,384 digests are 128 KiB; with 100,000 keys and 1% of them different, about 970
   * buckets differ and their listing is about 6,000 entries (96 KiB).
   */
  public static final int BUCKETS = 16_384;

  private final HazelcastInstance member;
  private final Link link;

  /** The resync of {@code link} run from {@code member} (a member of the source region). */
  public DigestResync(HazelcastInstance member, Link link) {
    this.member = member;
    this.link = link;
  }

  /**
   * Compares, ships the differences and waits until the target took them.
   *
   * @throws IllegalStateException when the target cannot be reached or a delivery fails
   */
  public ResyncReport run() {
    ValueHash form = new ValueHash(member);
    IMap<Object, Object> map = member.getMap(link.map());
    ScheduledExecutorService timer = TargetRegion.timer(link);
    TargetRegion target = new TargetRegion(link, form, timer);
    try {
      BucketDigests.Result ours = map.aggregate(new BucketDigests(BUCKETS));
      BucketDigests.Result theirs = retried(() -> target.digests(BUCKETS));
      long bytes = 8L * BUCKETS;
      int[] differing = differing(ours.digests(), theirs.digests());
      if (differing.length == 0) {
        return new ResyncReport(BUCKETS, 0, 0, 0, 0, bytes, ours.bytes());
      }
      bytes += 4L * differing.length;
      BucketEntries.Result mine = map.aggregate(new BucketEntries(BUCKETS, differing, true));
      Map<Long, Long> their = retried(() -> target.entries(BUCKETS, differing));
      bytes += 16L * their.size();
      Stamper stamper = new Stamper(member, link.map(), link.source(), link.tombstoneTtlSeconds());
      List<Shipment> shipments = new ArrayList<>();
      for (Map.Entry<Long, Long> e : mine.valueHashes().entrySet()) {
        if (e.getValue().equals(their.get(e.getKey()))) {
          continue;
        }
        Shipment s = stamper.stamp(new Change(mine.keys().get(e.getKey()), null, false, 0));
        if (s == null) {
          continue; // arrived here by replication: its origin ships it
        }
        shipments.add(s);
        int valueBytes = s.value() == null ? 0 : form.size(s.value());
        // The key, the value, the stamp, and the target's current value read back to hash it.
        bytes += form.size(s.key()) + 2L * valueBytes + form.size(s.stamp());
      }
      long applied = deliver(target, shipments);
      return new ResyncReport(
          BUCKETS, differing.length, their.size(), shipments.size(), applied, bytes, ours.bytes());
    } finally {
      target.shutdown();
      timer.shutdownNow();
    }
  }

  private long deliver(TargetRegion target, List<Shipment> shipments) {
    List<CompletableFuture<Boolean>> results = retried(() -> target.send(shipments));
    try {
      CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
          .get(link.retryMaxMillis() + 60_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("resync of " + link.map() + " interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "resync of " + link.map() + " to region " + link.target() + " failed: " + e, e);
    }
    return results.stream().filter(CompletableFuture::join).count();
  }

  private static int[] differing(long[] ours, long[] theirs) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < ours.length; i++) {
      if (ours[i] != theirs[i]) {
        out.add(i);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The target's client connects in the background (it says so with {@link
   * HazelcastClientOfflineException}, not a {@link HazelcastException}): calls are retried until it
   * is connected, or given up after 30 attempts.
   */
  private <T> T retried(Supplier<T> call) {
    Retry retry =
        Retry.of(
            "resync-" + link.map() + "-to-" + link.target(),
            RetryConfig.custom()
                .maxAttempts(30)
                .intervalFunction(
                    IntervalFunction.ofExponentialBackoff(
                        link.retryInitialMillis(), 2.0, link.retryMaxMillis()))
                .retryOnException(
                    e ->
                        e instanceof HazelcastException
                            || e instanceof HazelcastClientOfflineException)
                .build());
    return Retry.decorateSupplier(retry, call).get();
  }
}
