package io.swarmgrid.plugin.messaging;

import io.javalin.websocket.WsContext;
import io.swarmgrid.storage.messaging.Message;
import io.swarmgrid.storage.messaging.Messenger;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One open, proven connection of a node to the {@link WebSocketGateway}, with its messenger. */
final class GatewaySession {
  private static final Logger LOG = LoggerFactory.getLogger(GatewaySession.class);

  final String node;
  final Messenger messenger;
  private final WsContext ctx;
  private volatile boolean open = true;

  GatewaySession(String node, WsContext ctx, Messenger messenger) {
    this.node = node;
    this.ctx = ctx;
    this.messenger = messenger;
  }

  /**
   * On the messenger's delivery thread: writes the frame and waits. The message leaves the inbox
   * only when this returns; a throw (not written) leaves it there for the next connection.
   */
  void deliver(Message m) {
    if (!open || !write(GatewayFrames.message(m))) {
      throw new IllegalStateException(
          "gateway: node " + node + " not reachable, message " + m.id() + " stays queued");
    }
  }

  synchronized boolean write(String frame) {
    if (!open || !ctx.session.isOpen()) {
      return false;
    }
    Callback.Completable done = new Callback.Completable();
    ctx.session.sendText(frame, done);
    try {
      done.get(10, TimeUnit.SECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      LOG.debug("gateway: write to node {} failed: {}", node, e.toString());
      return false;
    }
  }

  void stop() {
    open = false;
    messenger.close();
  }

  void end(int code, String reason) {
    stop();
    if (ctx.session.isOpen()) {
      ctx.closeSession(code, reason);
    }
  }
}
