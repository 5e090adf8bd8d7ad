package io.swarmgrid.storage.propagation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.swarmgrid.storage.messaging.Message;
import io.swarmgrid.storage.messaging.MessageType;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.propagation.internal.ChannelOrder;
import io.swarmgrid.storage.propagation.internal.StreamOrder;
import io.swarmgrid.storage.runtime.SwarmThreads;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A target's side of its state streams: applies the deliveries found in its inbox in order, per
 * state, and measures the time from publication to application. Hand {@link #accept(Message)} the
 * node's messages (from {@code Mailbox.subscribe}); it takes the state deliveries and says so.
 */
public final class StateSubscriber {
  // One timer for every subscriber of the process: it only runs while a delivery waits.
  private static final ScheduledExecutorService TIMER =
      SwarmThreads.scheduler("swarmgrid-state-order");

  private final Map<String, StateView> views = new ConcurrentHashMap<>();
  private final Map<String, Long> waitingDeltas = new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<Consumer<StateView>> listeners = new CopyOnWriteArrayList<>();
  private final Timer latency;
  private final AtomicLong received = new AtomicLong();
  private final ChannelOrder order = new ChannelOrder(System::nanoTime);
  // Deliveries are ordered and applied under this lock: from the inbox's thread, and from the
  // timer that releases a delivery whose wait ran out.
  private final Object ordering = new Object();
  private final StreamOrder streams = new StreamOrder(System::nanoTime, views::get, this::apply);
  private boolean overdueCheckScheduled;

  /** A subscriber whose latency histogram lives in its own registry. */
  public StateSubscriber() {
    this(new SimpleMeterRegistry(), "");
  }

  /**
   * A subscriber recording {@code swarmgrid.propagation.applied.latency} (tag {@code node}) in
   * {@code meters}.
   */
  public StateSubscriber(MeterRegistry meters, String nodeId) {
    this.latency =
        Timer.builder("swarmgrid.propagation.applied.latency")
            .description("publication to application of a state update at a target")
            .tag("node", nodeId)
            .publishPercentiles(0.5, 0.99)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(30))
            .register(meters);
  }

  /** Whether {@code m} was a state delivery (applied or skipped); other messages are left. */
  public boolean accept(Message m) {
    if (m.type() != MessageType.STATE_SYNC && m.type() != MessageType.DELTA_SYNC) {
      return false;
    }
    // One message may carry a bundle of deliveries, in the order they were decided; a bundle sent
    // with others in flight waits here for those before it in its channel.
    DeliveryBundle bundle = StateDelivery.readBundle(m.payload());
    received.addAndGet(bundle.deliveries().size());
    List<StateDelivery> ready =
        bundle
            .mark()
            .map(mark -> order.accept(mark, bundle.deliveries()))
            .orElse(bundle.deliveries());
    // An urgent delivery's target is sent every update: one missing is on its way.
    boolean everyUpdate = m.priority() == Priority.EMERGENCY;
    synchronized (ordering) {
      // The sending member's node: one fan-out, whose classes and channels come in order.
      ready.forEach(d -> streams.accept(d, everyUpdate, m.sender()));
      scheduleOverdueCheck();
    }
    return true;
  }

  /** While deliveries wait, looks again once the oldest may have waited too long. */
  private void scheduleOverdueCheck() {
    if (overdueCheckScheduled || !streams.holding()) {
      return;
    }
    overdueCheckScheduled = true;
    TIMER.schedule(
        () -> {
          synchronized (ordering) {
            overdueCheckScheduled = false;
            streams.releaseOverdue();
            scheduleOverdueCheck();
          }
        },
        StreamOrder.WAIT_NANOS / 4,
        TimeUnit.NANOSECONDS);
  }

  /**
   * Applies {@code d} to its state's view at once (see {@link StateView}); {@link #accept} first
   * puts deliveries in stream order.
   */
  public void apply(StateDelivery d) {
    StateView next =
        views.compute(
            d.stateId(), (id, old) -> old == null ? StateView.start(d).orElse(null) : old.apply(d));
    if (next == null) {
      // A delta before any keyframe: the keyframe is on its way (joins start from one).
      waitingDeltas.merge(d.stateId(), 1L, Long::sum);
      return;
    }
    if (next.latest() == d) {
      latency.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - d.publishedAt())));
      listeners.forEach(l -> l.accept(next));
    }
  }

  /** Deliveries taken from messages (applied or skipped); a message may carry several. */
  public long received() {
    return received.get();
  }

  /**
   * Bundles of an ordered channel that came after their turn had passed (late, or delivered twice):
   * applied if still newer than the view, skipped otherwise.
   */
  public long lateBundles() {
    return order.late();
  }

  /** Bundles of an ordered channel given up for after waiting for them (their sender died). */
  public long gapsGivenUp() {
    return order.gapsGivenUp();
  }

  /**
   * Deliveries held for an update before them that had not come yet (it was on its way from another
   * member, or late).
   */
  public long heldForEarlier() {
    synchronized (ordering) {
      return streams.waited();
    }
  }

  /**
   * Held deliveries that went on without what they waited for, after {@link StreamOrder#WAIT_NANOS}
   * (its sender died with it, say).
   */
  public long heldGivenUp() {
    synchronized (ordering) {
      return streams.waitsGivenUp();
    }
  }

  /** Called with the view after each update applied. */
  public void onApplied(Consumer<StateView> listener) {
    listeners.add(listener);
  }

  /** The view of {@code stateId}, if a keyframe arrived. */
  public Optional<StateView> view(String stateId) {
    return Optional.ofNullable(views.get(stateId));
  }

  /** Every view held. */
  public Map<String, StateView> views() {
    return Map.copyOf(views);
  }

  /** Publication-to-application latency of the updates applied. */
  public Timer latency() {
    return latency;
  }
}
