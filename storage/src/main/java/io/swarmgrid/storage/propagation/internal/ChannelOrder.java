package io.swarmgrid.storage.propagation.internal;

import io.swarmgrid.storage.propagation.ChannelMark;
import io.swarmgrid.storage.propagation.StateDelivery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Puts the bundles of each sender's ordered channel back in order at the subscriber: a sender keeps
 * several bundles in flight per target, and two of them can reach the inbox the other way round (an
 * offer is a reservation, then the queue's offer: two grid operations). A bundle ahead of its turn
 * waits for the ones before it; a bundle's floor says which earlier ones will never come (they
 * failed at the sender); a gap still open after {@link #GAP_WAIT_NANOS} (its sender died with a
 * bundle in flight) is given up. A bundle below its channel's turn (late, or delivered twice) is
 * handed on as is: the state views apply only what is newer, so it is applied if it still can be
 * and skipped otherwise, never applied out of order.
 */
public final class ChannelOrder {
  /** How long bundles wait for a missing one before it is given up. */
  public static final long GAP_WAIT_NANOS = 2_000_000_000L;

  private final Map<String, Channel> channels = new HashMap<>();
  private final LongSupplier nanoClock;
  private long late;
  private long gapsGivenUp;

  private static final class Channel {
    long next;
    long gapSince;
    final TreeMap<Long, List<StateDelivery>> waiting = new TreeMap<>();

    Channel(long next) {
      this.next = next;
    }
  }

  /** Ordering on {@code nanoClock} (System::nanoTime, or a test's). */
  public ChannelOrder(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /**
   * Takes a bundle with its mark; returns the deliveries to apply now, in order (this bundle's and
   * those it let through, or none if it must wait).
   */
  public synchronized List<StateDelivery> accept(ChannelMark mark, List<StateDelivery> deliveries) {
    long now = nanoClock.getAsLong();
    List<StateDelivery> ready = new ArrayList<>();
    // A channel seen first mid-way (this subscriber started after it did): its floor is its start.
    Channel ch = channels.computeIfAbsent(mark.channel(), c -> new Channel(mark.floor()));
    if (mark.floor() > ch.next) {
      // Below the floor, what has not arrived failed at the sender: what waits goes, in order.
      release(ch, mark.floor(), ready);
      ch.next = mark.floor();
    }
    if (mark.seq() < ch.next) {
      late++;
      ready.addAll(deliveries);
    } else {
      ch.waiting.putIfAbsent(mark.seq(), deliveries);
    }
    drain(ch, ready);
    ch.gapSince = ch.waiting.isEmpty() ? 0 : (ch.gapSince == 0 ? now : ch.gapSince);
    giveUpOldGaps(now, ready);
    return ready;
  }

  /** Bundles that came below their channel's turn (late or twice). */
  public synchronized long late() {
    return late;
  }

  /** Gaps given up after waiting {@link #GAP_WAIT_NANOS}. */
  public synchronized long gapsGivenUp() {
    return gapsGivenUp;
  }

  private static void release(Channel ch, long below, List<StateDelivery> ready) {
    Iterator<Map.Entry<Long, List<StateDelivery>>> it = ch.waiting.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Long, List<StateDelivery>> e = it.next();
      if (e.getKey() >= below) {
        return;
      }
      ready.addAll(e.getValue());
      it.remove();
    }
  }

  private static void drain(Channel ch, List<StateDelivery> ready) {
    List<StateDelivery> d;
    while ((d = ch.waiting.remove(ch.next)) != null) {
      ready.addAll(d);
      ch.next++;
    }
  }

  private void giveUpOldGaps(long now, List<StateDelivery> ready) {
    for (Channel ch : channels.values()) {
      if (ch.gapSince != 0 && now - ch.gapSince > GAP_WAIT_NANOS) {
        gapsGivenUp++;
        ch.next = ch.waiting.firstKey();
        drain(ch, ready);
        ch.gapSince = ch.waiting.isEmpty() ? 0 : now;
      }
    }
  }
}
