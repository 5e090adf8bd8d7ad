package io.swarmgrid.deploy.cluster.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/** What a link proxy's rules did, counted across its links. */
final class LinkCounters {
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong closed = new AtomicLong();
  private final AtomicLong delayed = new AtomicLong();
  private final LongAccumulator minHeld = new LongAccumulator(Math::min, Long.MAX_VALUE);
  private final LongAccumulator maxHeld = new LongAccumulator(Math::max, 0);

  void refused() {
    refused.incrementAndGet();
  }

  void closed() {
    closed.incrementAndGet();
  }

  void held(long millis) {
    delayed.incrementAndGet();
    minHeld.accumulate(millis);
    maxHeld.accumulate(millis);
  }

  LinkProxySeen seen(String node, List<NetworkRule> rules) {
    long min = minHeld.get();
    return new LinkProxySeen(
        node,
        rules,
        refused.get(),
        closed.get(),
        delayed.get(),
        min == Long.MAX_VALUE ? 0 : min,
        maxHeld.get());
  }
}
