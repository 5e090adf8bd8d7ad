package io.swarmgrid.storage.messaging;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.MessagingConfig;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The presence side of a {@link Messenger}: this node's heartbeats (see {@link Presence}). */
final class Heartbeats {
  private final HazelcastInstance hz;
  private final String nodeId;
  private final MessagingConfig config;
  private final ScheduledExecutorService scheduler;
  private final BooleanSupplier closed;
  private boolean beating;

  Heartbeats(
      HazelcastInstance hz,
      String nodeId,
      MessagingConfig config,
      ScheduledExecutorService scheduler,
      BooleanSupplier closed) {
    this.hz = hz;
    this.nodeId = nodeId;
    this.config = config;
    this.scheduler = scheduler;
    this.closed = closed;
  }

  /** Starts beating every {@code messaging.ping-interval}; a second call does nothing. */
  synchronized void start() {
    if (beating) {
      return;
    }
    beating = true;
    long ttl = Presence.ttlMillis(config);
    scheduler.scheduleAtFixedRate(
        () -> {
          try {
            Presence.beats(hz).set(nodeId, System.currentTimeMillis(), ttl, TimeUnit.MILLISECONDS);
          } catch (RuntimeException e) {
            if (!closed.getAsBoolean() && hz.getLifecycleService().isRunning()) {
              BackgroundFailures.report("messaging.heartbeat", e);
            }
          }
        },
        0,
        config.pingIntervalMillis(),
        TimeUnit.MILLISECONDS);
  }
}
