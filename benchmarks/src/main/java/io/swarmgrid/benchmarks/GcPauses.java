package io.swarmgrid.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The garbage collections of this JVM while it is open: how many and the longest. Members and
 * client share the bench's JVM, so a collection stops all of them at once; at half of the peak rate
 * the decisions in flight during the longest pause are the latency's tail.
 */
final class GcPauses implements AutoCloseable {
  private final AtomicLong count = new AtomicLong();
  private final AtomicLong longestMillis = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::collected;

  GcPauses() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        emitters.add(emitter);
      }
    }
  }

  private void collected(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    // G1's concurrent cycle is reported as a collection too, but it does not stop the threads.
    if (info.getGcName().contains("Concurrent")) {
      return;
    }
    count.incrementAndGet();
    longestMillis.accumulateAndGet(info.getGcInfo().getDuration(), Math::max);
  }

  long count() {
    return count.get();
  }

  long longestMillis() {
    return longestMillis.get();
  }

  @Override
  public void close() {
    for (NotificationEmitter e : emitters) {
      try {
        e.removeNotificationListener(listener);
      } catch (ListenerNotFoundException ignored) {
        // Not registered: nothing to remove.
      }
    }
  }
}
