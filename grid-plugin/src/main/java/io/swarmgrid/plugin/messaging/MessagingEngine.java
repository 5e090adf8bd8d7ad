package io.swarmgrid.plugin.messaging;

import io.micrometer.core.instrument.Gauge;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.MessagingConfig;
import io.swarmgrid.plugin.engine.SwarmEngine;
import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.storage.messaging.Message;
import io.swarmgrid.storage.messaging.MessagingStats;
import io.swarmgrid.storage.messaging.Messenger;
import io.swarmgrid.storage.messaging.PresenceMonitor;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.storage.runtime.SwarmThreads;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The member side of messaging ({@code swarmgrid.engines.messaging: true}): this member's node gets
 * a {@link Messenger} whose inbox is delivered to the handlers added with {@link #onMessage}. Find
 * it with {@code SwarmGrid.engines(member).flatMap(e -> e.engine(MessagingEngine.class))}.
 *
 * <p>Delivery starts with the first handler: node ids survive restarts, so a restarted member's
 * inbox may hold a backlog, which waits in the grid until someone handles it (it was drained into
 * nothing before, issue 13). The node heart-beats from the start. Requests need a handler first,
 * since their responses arrive in the inbox.
 *
 * <p>It also runs a {@link PresenceMonitor} every {@code messaging.ping-interval-millis} (nodes
 * that stop heart-beating are marked unreachable, see {@link
 * io.swarmgrid.storage.messaging.Presence}) and, with {@code messaging.gateway-enabled}, the {@link
 * WebSocketGateway} for edge clients.
 */
public final class MessagingEngine implements SwarmEngine {
  private static final Logger LOG = LoggerFactory.getLogger(MessagingEngine.class);

  private final List<Consumer<Message>> handlers = new CopyOnWriteArrayList<>();
  private volatile Messenger messenger;
  private volatile ScheduledExecutorService presenceTimer;
  private volatile WebSocketGateway gateway;
  private volatile double queued = Double.NaN;

  @Override
  public EngineKind kind() {
    return EngineKind.MESSAGING;
  }

  @Override
  public void start(SwarmNode node) {
    Messenger m = new Messenger(node.hazelcast(), node.nodeId(), node.config().messaging());
    m.startHeartbeats();
    this.messenger = m;
    Gauge.builder("swarmgrid.messaging.inbox.queued", this, e -> e.queued)
        .description("messages waiting in this member's node inbox (read once a second)")
        .register(node.meters());
    if (!handlers.isEmpty()) {
      subscribe(m);
    }
    MessagingConfig config = node.config().messaging();
    PresenceMonitor monitor = new PresenceMonitor(node.hazelcast(), config);
    ScheduledExecutorService timer = SwarmThreads.scheduler("swarm-presence-" + node.nodeId());
    timer.scheduleWithFixedDelay(
        () -> {
          if (node.hazelcast().getLifecycleService().isRunning()) {
            BackgroundFailures.run("messaging.presence", monitor::tick);
          }
        },
        config.pingIntervalMillis(),
        config.pingIntervalMillis(),
        TimeUnit.MILLISECONDS);
    // The inbox's size is a grid call: read here, not on the scrape thread.
    timer.scheduleWithFixedDelay(
        () -> {
          if (node.hazelcast().getLifecycleService().isRunning()) {
            BackgroundFailures.run("messaging.inbox-size", () -> queued = m.queued());
          }
        },
        0,
        1,
        TimeUnit.SECONDS);
    this.presenceTimer = timer;
    if (config.gatewayEnabled()) {
      this.gateway = new WebSocketGateway(node.hazelcast(), config);
    }
  }

  /** The WebSocket gateway of this member, if {@code messaging.gateway-enabled}. */
  public Optional<WebSocketGateway> gateway() {
    return Optional.ofNullable(gateway);
  }

  /**
   * Adds a handler of this node's messages (requests are answered with {@code messenger().reply});
   * the first one starts delivery of the inbox.
   */
  public void onMessage(Consumer<Message> handler) {
    handlers.add(Objects.requireNonNull(handler, "handler"));
    Messenger m = messenger;
    if (m != null) {
      subscribe(m);
    }
  }

  private synchronized void subscribe(Messenger m) {
    if (!m.subscribed()) {
      m.subscribe(this::dispatch);
      LOG.info("messaging: node {} receives its inbox", m.nodeId());
    }
  }

  /** This node's messenger: send, broadcast, request, reply. */
  public Messenger messenger() {
    Messenger m = messenger;
    if (m == null) {
      throw new IllegalStateException("the messaging engine has not started");
    }
    return m;
  }

  /** This node's counters and latencies. */
  public MessagingStats stats() {
    return messenger().stats();
  }

  @Override
  public void stop() {
    WebSocketGateway g = gateway;
    if (g != null) {
      g.close();
    }
    ScheduledExecutorService timer = presenceTimer;
    if (timer != null) {
      timer.shutdownNow();
    }
    Messenger m = messenger;
    if (m != null) {
      m.close();
    }
  }

  private void dispatch(Message message) {
    for (Consumer<Message> h : handlers) {
      h.accept(message);
    }
  }
}
