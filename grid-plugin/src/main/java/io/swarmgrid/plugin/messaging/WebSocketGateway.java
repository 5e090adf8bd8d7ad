package io.swarmgrid.plugin.messaging;

import com.hazelcast.core.HazelcastInstance;
import io.javalin.Javalin;
import io.javalin.websocket.WsCloseStatus;
import io.javalin.websocket.WsContext;
import io.swarmgrid.config.Capacity;
import io.swarmgrid.config.MessagingConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.storage.messaging.MessageRejectedException;
import io.swarmgrid.storage.messaging.Messenger;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.node.NodeStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket gateway of a member ({@code messaging.gateway-enabled}): edge clients that cannot
 * run a Hazelcast client join as nodes and send and receive the same messages, through the same
 * {@link Messenger} path. Javalin (Jetty) serves it; frames are JSON (Jackson).
 *
 * <p>Connect to {@code ws://<member>:<gateway-port>/messaging?token=<gateway-token>&node=<node id>}
 * (optional {@code region}, default {@code edge}). With {@code messaging.gateway-node-tokens} set,
 * only the listed nodes connect, each with its own token: one node's token cannot connect as
 * another, and the shared token grants none. A missing or wrong token, a bad node id, or an {@code
 * Origin} header not in {@code messaging.gateway-allowed-origins} closes the connection with code
 * 1008 (policy violation) and a reason; a member's node is refused (1008). The node then proves its
 * identity: the gateway sends {@code {"kind":"challenge","node":...,"nonce":...}} and the node
 * answers {@code {"kind":"hello","signature":<Base64>}}, its Ed25519 signature over the UTF-8 bytes
 * of {@code swarmgrid.gateway.hello.v1|<node id>|<nonce>} with its registered key; a wrong proof
 * closes with 1008. A new node id registers once, as an edge node with the key it gives in {@code
 * publicKey} (Base64 of the raw 32 bytes) and proves holding. Frames over {@code
 * messaging.gateway-max-frame-bytes} close the connection with 1009. A node has one connection: a
 * newer one replaces the older, which is closed with 1001. Beyond {@code
 * messaging.gateway-max-connections} open connections a new one is closed with 1013 (try again
 * later).
 *
 * <p>Client &rarr; gateway: {@code {"recipient":"node-1","type":"STATUS_UPDATE","priority":"HIGH",
 * "deadline":1767225600000,"correlationId":"","payload":"text"}} ({@code payloadBase64} instead of
 * {@code payload} for bytes; {@code priority} defaults to NORMAL; {@code deadline} is epoch millis
 * or an ISO-8601 instant). Answered with {@code {"kind":"sent","id":...}}, or, for malformed JSON
 * or a refused message, {@code {"kind":"error","field":...,"message":...}} and nothing is queued. A
 * request is answered by sending type {@code RESPONSE} with the request's correlation id.
 *
 * <p>Gateway &rarr; client: {@code {"kind":"message","id","sender","recipient","type","priority",
 * "deadline","correlationId","payload","payloadBase64"}}, in inbox order. While no connection is
 * open the node's messages wait in its inbox in the grid and are delivered after it reconnects. A
 * message leaves the inbox only after its frame was written ({@link
 * Messenger#subscribeAcknowledged}): if the write fails or this member dies first, it stays, so a
 * client may see a message id twice around a drop and must de-duplicate by id: delivery to
 * WebSocket clients is at least once.
 */
public final class WebSocketGateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketGateway.class);
  private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
  private static final String SESSION = "swarm.session";
  private static final String PENDING = "swarm.pending";

  /** The path of the endpoint. */
  public static final String PATH = "/messaging";

  private final HazelcastInstance hz;
  private final MessagingConfig config;
  private final NodeRegistry registry;
  private final byte[] token;
  private final Map<String, GatewaySession> sessions = new ConcurrentHashMap<>();
  private final Javalin app;

  /** Starts the gateway on {@code messaging.gateway-port} (0: any free port). */
  public WebSocketGateway(HazelcastInstance hz, MessagingConfig config) {
    this.hz = Objects.requireNonNull(hz, "hz");
    this.config = Objects.requireNonNull(config, "config");
    if (!config.gatewayEnabled()) {
      throw new IllegalArgumentException("messaging.gateway-enabled is false");
    }
    this.registry = new NodeRegistry(hz);
    this.token = config.gatewayToken().getBytes(StandardCharsets.UTF_8);
    this.app =
        Javalin.create(
                c -> {
                  c.startup.showJavalinBanner = false;
                  c.startup.showOldJavalinVersionWarning = false;
                  c.jetty.port = config.gatewayPort();
                  c.routes.ws(
                      PATH,
                      ws -> {
                        ws.onConnect(this::connect);
                        ws.onMessage(ctx -> receive(ctx, ctx.message()));
                        ws.onClose(this::disconnect);
                        ws.onError(this::disconnect);
                      });
                })
            .start();
    LOG.info("messaging: WebSocket gateway on port {} at {}", port(), PATH);
  }

  /** The port the gateway listens on. */
  public int port() {
    return app.port();
  }

  /** Node ids with an open connection. */
  public java.util.Set<String> connected() {
    return java.util.Set.copyOf(sessions.keySet());
  }

  /** Closes every connection (their messages stay queued) and stops the server. */
  @Override
  public void close() {
    sessions.values().forEach(s -> s.end(WsCloseStatus.GOING_AWAY.getCode(), "gateway stopping"));
    sessions.clear();
    app.stop();
  }

  // Synchronized: the connection limit and the one-connection-per-node rule are checked and applied
  // at once.
  private synchronized void connect(WsContext ctx) {
    String origin = ctx.header("Origin");
    if (origin != null && !config.gatewayAllowedOrigins().contains(origin)) {
      ctx.closeSession(
          WsCloseStatus.POLICY_VIOLATION,
          abbreviate("origin: '" + origin + "' is not in messaging.gateway-allowed-origins"));
      return;
    }
    String given = ctx.queryParam("token");
    if (given == null || given.isEmpty()) {
      ctx.closeSession(
          WsCloseStatus.POLICY_VIOLATION, "missing token: query parameter 'token' is required");
      return;
    }
    String node = ctx.queryParam("node");
    if (node == null || !NODE_ID.matcher(node).matches()) {
      ctx.closeSession(
          WsCloseStatus.POLICY_VIOLATION,
          "node: '" + (node == null ? "" : abbreviate(node)) + "' must match " + NODE_ID.pattern());
      return;
    }
    if (!tokenGrants(node, given)) {
      ctx.closeSession(
          WsCloseStatus.POLICY_VIOLATION,
          config.gatewayNodeTokens().isEmpty()
              ? "wrong token"
              : abbreviate("wrong token for node '" + node + "'"));
      return;
    }
    String region = ctx.queryParam("region");
    try {
      java.util.Optional<NodeInfo> known = registry.get(node);
      if (known.isPresent() && !known.get().memberUuid().isEmpty()) {
        ctx.closeSession(
            WsCloseStatus.POLICY_VIOLATION, "node: '" + abbreviate(node) + "' is a member's node");
        return;
      }
      if (sessions.size() >= config.gatewayMaxConnections() && !sessions.containsKey(node)) {
        ctx.closeSession(
            WsCloseStatus.TRY_AGAIN_LATER,
            "gateway full: messaging.gateway-max-connections=" + config.gatewayMaxConnections());
        return;
      }
      byte[] key;
      if (known.isPresent()) {
        key = known.get().publicKey();
      } else {
        // A new node registers its own key once: the token authorises that, the proof below shows
        // it holds the private key.
        key = GatewayHandshake.publicKey(ctx.queryParam("publicKey")).orElse(null);
        if (key == null) {
          ctx.closeSession(
              WsCloseStatus.POLICY_VIOLATION,
              abbreviate(
                  "publicKey: node '" + node + "' is new; give its 32-byte key in Base64 to join"));
          return;
        }
      }
      ctx.session.setMaxTextMessageSize(config.gatewayMaxFrameBytes());
      GatewayHandshake.Pending p =
          new GatewayHandshake.Pending(
              node,
              region == null || region.isEmpty() ? "edge" : region,
              key,
              known.isEmpty(),
              GatewayHandshake.nonce());
      ctx.attribute(PENDING, p);
      ctx.send(GatewayHandshake.challenge(p));
    } catch (RuntimeException e) {
      LOG.warn("gateway: node {} could not join", node, e);
      ctx.closeSession(WsCloseStatus.SERVER_ERROR, abbreviate("could not join: " + e.getMessage()));
    }
  }

  /**
   * Whether {@code given} lets a connection claim {@code node}: the shared token, or, with per-node
   * tokens configured, that node's own token only (an unlisted node gets the same answer as a wrong
   * token, so the list cannot be probed).
   */
  private boolean tokenGrants(String node, String given) {
    byte[] presented = given.getBytes(StandardCharsets.UTF_8);
    if (config.gatewayNodeTokens().isEmpty()) {
      return MessageDigest.isEqual(token, presented);
    }
    String own = config.gatewayNodeTokens().get(node);
    return own != null && MessageDigest.isEqual(own.getBytes(StandardCharsets.UTF_8), presented);
  }

  /** After the node proved its key: registers a new node, then opens its session. */
  private synchronized void join(WsContext ctx, GatewayHandshake.Pending p) {
    String node = p.node();
    try {
      if (sessions.size() >= config.gatewayMaxConnections() && !sessions.containsKey(node)) {
        ctx.closeSession(
            WsCloseStatus.TRY_AGAIN_LATER,
            "gateway full: messaging.gateway-max-connections=" + config.gatewayMaxConnections());
        return;
      }
      java.util.Optional<NodeInfo> now = registry.get(node);
      if (p.register() && now.isPresent()
          || !p.register()
              && (now.isEmpty() || !Arrays.equals(now.get().publicKey(), p.publicKey()))) {
        ctx.closeSession(
            WsCloseStatus.POLICY_VIOLATION,
            abbreviate("node: '" + node + "' was registered meanwhile with another key"));
        return;
      }
      if (!p.register() && !now.get().active()) {
        // Marked gone while it was away (presence): back in the swarm now that it proved its key.
        registry.register(now.get().activeAgain(System.currentTimeMillis()));
      }
      if (p.register()) {
        long t = System.currentTimeMillis();
        registry.register(
            new NodeInfo(
                node,
                p.region(),
                NodeTier.EDGE,
                List.of(),
                new Capacity(1, 256, 0),
                p.publicKey(),
                NodeStatus.ACTIVE,
                "",
                "",
                List.of(),
                "ws-gateway",
                t,
                t));
      }
      GatewaySession s = new GatewaySession(node, ctx, new Messenger(hz, node, config));
      ctx.attribute(SESSION, s);
      GatewaySession older = sessions.put(node, s);
      if (older != null) {
        older.end(
            WsCloseStatus.GOING_AWAY.getCode(), "replaced by a newer connection of node " + node);
      }
      s.messenger.subscribeAcknowledged(s::deliver);
      LOG.info("gateway: node {} connected", node);
    } catch (RuntimeException e) {
      LOG.warn("gateway: node {} could not join", node, e);
      ctx.closeSession(WsCloseStatus.SERVER_ERROR, abbreviate("could not join: " + e.getMessage()));
    }
  }

  private void receive(WsContext ctx, String text) {
    GatewaySession s = ctx.attribute(SESSION);
    if (s == null) {
      GatewayHandshake.Pending p = ctx.attribute(PENDING);
      if (p == null) {
        return;
      }
      // Jetty hands a session's frames over one at a time: no second hello races this one.
      String refusal = GatewayHandshake.refusal(p, text);
      if (refusal != null) {
        ctx.closeSession(WsCloseStatus.POLICY_VIOLATION, abbreviate(refusal));
        return;
      }
      join(ctx, p);
      return;
    }
    try {
      GatewayFrames.Outgoing o = GatewayFrames.parse(text);
      String id =
          s.messenger.send(
              o.recipient(), o.type(), o.priority(), o.payload(), o.deadline(), o.correlationId());
      s.write(GatewayFrames.sent(id));
    } catch (MessageRejectedException e) {
      s.write(GatewayFrames.error(e));
    }
  }

  private void disconnect(WsContext ctx) {
    GatewaySession s = ctx.attribute(SESSION);
    if (s != null) {
      // Stop first: once the node is no longer listed, no message of its inbox is being delivered.
      s.stop();
      sessions.remove(s.node, s);
      LOG.info("gateway: node {} disconnected; its messages wait in its inbox", s.node);
    }
  }

  private static String abbreviate(String s) {
    // A close reason is at most 123 bytes.
    return s.length() <= 100 ? s : s.substring(0, 100) + "...";
  }
}
