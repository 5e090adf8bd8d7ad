package io.swarmgrid.plugin.propagation.internal;

import io.swarmgrid.storage.messaging.Priority;

/**
 * When a waiting update goes down a quality level: after {@code afterNanos} for background traffic,
 * twice that for normal and four times for high; urgent updates are never degraded. Each further
 * such wait takes one more level, down to the lowest.
 *
 * @param afterNanos the wait of background updates before their first step down
 */
record DegradePolicy(long afterNanos) {

  int quality(Candidate<?> c, long waitedNanos) {
    if (!c.degradable() || c.priority() == Priority.EMERGENCY || afterNanos <= 0) {
      return c.baseQuality();
    }
    long step =
        switch (c.priority()) {
          case HIGH -> 4 * afterNanos;
          case NORMAL -> 2 * afterNanos;
          default -> afterNanos;
        };
    long steps = Math.max(0, waitedNanos) / step;
    return (int) Math.min(c.levels() - 1, c.baseQuality() + steps);
  }
}
