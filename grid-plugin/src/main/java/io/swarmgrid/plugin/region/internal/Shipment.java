package io.swarmgrid.plugin.region.internal;

import io.swarmgrid.storage.region.ReplicationStamp;

/**
 * A stamped change on its way to another region, with when its change was read from the journal and
 * when it was stamped (epoch millis; {@code readAt} 0 when not read from the journal), for the
 * stage timers. Passed between local processors only.
 */
record Shipment(Object key, Object value, ReplicationStamp stamp, long readAt, long stampedAt) {
  /**
   * When the change was written, as well as it is known (epoch millis). Hazelcast 5.4 keeps an
   * entry's update time in whole seconds, so the stamp's time is up to a second before the write
   * (half a second on average: the lag timers read 0.5 s high from it). The write happened in that
   * second and before the job read it: the read time clamped to the second is late by the journal's
   * own delay at most, and by under a second when the job reads far behind.
   */
  long writtenAt() {
    long second = stamp.time();
    return readAt <= 0 ? second : Math.max(second, Math.min(readAt, second + 999));
  }
}
