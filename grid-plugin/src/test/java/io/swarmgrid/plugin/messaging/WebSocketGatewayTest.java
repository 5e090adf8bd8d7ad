package io.swarmgrid.plugin.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.Capacity;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.MessagingConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.messaging.Message;
import io.swarmgrid.storage.messaging.MessageType;
import io.swarmgrid.storage.messaging.Messenger;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.node.NodeStatus;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WebSocket gateway on a real member, driven by the JDK's {@link java.net.http.WebSocket}
 * client; the other side is a messenger on a Hazelcast client (what {@code SwarmClient.messenger}
 * returns).
 */
class WebSocketGatewayTest {
  static final String TOKEN = "s3cret-token";
  static final ObjectMapper JSON = new ObjectMapper();
  static final MessagingConfig FAST =
      MessagingConfig.custom().pingIntervalMillis(100).unreachableAfterMissedPings(3).build();

  // FAST, with the gateway on at any free port.
  static MessagingConfig.Builder withGatewayOn() {
    return MessagingConfig.from(FAST).gatewayEnabled(true).gatewayPort(0).gatewayToken(TOKEN);
  }

  @TempDir static Path keys;
  static final NodeKeys PHONE = NodeKeys.generate();

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(2)
          .keep("swarm.nodes")
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("node-" + i)
                                  .keyFile(keys.resolve("{node-id}.key").toString())
                                  .build())
                          .engines(EnginesConfig.of(Set.of(EngineKind.MESSAGING)))
                          .messaging(i == 0 ? withGatewayOn().build() : FAST)
                          .build()));

  static WebSocketGateway gateway() {
    await()
        .until(
            () ->
                SwarmGrid.engines(cluster.member(0))
                    .flatMap(e -> e.engine(MessagingEngine.class))
                    .isPresent());
    return SwarmGrid.engines(cluster.member(0))
        .flatMap(e -> e.engine(MessagingEngine.class))
        .orElseThrow()
        .gateway()
        .orElseThrow();
  }

  static Messenger peer(HazelcastInstance client, String id) {
    new NodeRegistry(client)
        .register(
            new NodeInfo(
                id,
                "eu",
                NodeTier.EDGE,
                List.of(),
                new Capacity(1, 256, 0),
                NodeKeys.generate().publicKey(),
                NodeStatus.ACTIVE,
                "",
                "",
                List.of(),
                "test",
                1,
                System.currentTimeMillis()));
    return new Messenger(client, id, MessagingConfig.DEFAULTS);
  }

  /** A real WebSocket client that records text frames and the close. */
  static final class Edge implements WebSocket.Listener {
    final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket ws;

    static Edge connect(String query) throws Exception {
      return connect(gateway().port(), query);
    }

    static Edge connect(int port, String query) throws Exception {
      return connect(port, query, null);
    }

    static Edge connect(int port, String query, String origin) throws Exception {
      Edge e = new Edge();
      WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
      if (origin != null) {
        b.header("Origin", origin);
      }
      e.ws =
          b.buildAsync(URI.create("ws://127.0.0.1:" + port + WebSocketGateway.PATH + query), e)
              .get(10, TimeUnit.SECONDS);
      return e;
    }

    /** Connects as {@code node} and answers the challenge with {@code signer}'s key. */
    static Edge join(int port, String node, NodeKeys own, NodeKeys signer) throws Exception {
      String key = Base64.getUrlEncoder().withoutPadding().encodeToString(own.publicKey());
      Edge e = connect(port, "?node=" + node + "&token=" + TOKEN + "&publicKey=" + key);
      await().until(() -> !e.ofKind("challenge").isEmpty() || e.closed.isDone());
      if (e.closed.isDone()) {
        return e;
      }
      String nonce = e.ofKind("challenge").get(0).get("nonce").asText();
      byte[] hello = ("swarmgrid.gateway.hello.v1|" + node + "|" + nonce).getBytes(UTF_8);
      e.send(
          "{\"kind\":\"hello\",\"signature\":\""
              + Base64.getEncoder().encodeToString(signer.sign(hello))
              + "\"}");
      return e;
    }

    static Edge join(String node, NodeKeys keys) throws Exception {
      return join(gateway().port(), node, keys, keys);
    }

    void send(String text) throws Exception {
      ws.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    List<JsonNode> ofKind(String kind) {
      return frames.stream().filter(f -> f.path("kind").asText().equals(kind)).toList();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          frames.add(JSON.readTree(partial.toString()));
        } catch (Exception ex) {
          throw new IllegalStateException("gateway sent invalid JSON: " + partial, ex);
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode + " " + reason);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete("error " + error);
    }
  }

  @Test
  void missingOrWrongToken_isClosedWith1008AndAReason() throws Exception {
    Edge none = Edge.connect("?node=phone-0");
    assertThat(none.closed.get(10, TimeUnit.SECONDS)).startsWith("1008 ").contains("missing token");
    Edge wrong = Edge.connect("?node=phone-0&token=guess");
    assertThat(wrong.closed.get(10, TimeUnit.SECONDS)).isEqualTo("1008 wrong token");
    Edge badNode = Edge.connect("?node=%20bad&token=" + TOKEN);
    assertThat(badNode.closed.get(10, TimeUnit.SECONDS)).startsWith("1008 node:");
    Edge memberNode = Edge.connect("?node=node-1&token=" + TOKEN);
    assertThat(memberNode.closed.get(10, TimeUnit.SECONDS))
        .isEqualTo("1008 node: 'node-1' is a member's node");
    assertThat(gateway().connected()).doesNotContain("phone-0", "node-1");
  }

  @Test
  void beyondMaxConnections_aNewConnectionIsClosedWith1013() throws Exception {
    try (WebSocketGateway small =
        new WebSocketGateway(cluster.member(1), withGatewayOn().gatewayMaxConnections(1).build())) {
      Edge one = Edge.join(small.port(), "phone-4", PHONE, PHONE);
      await().until(() -> small.connected().contains("phone-4"));
      Edge two = Edge.join(small.port(), "phone-5", PHONE, PHONE);
      assertThat(two.closed.get(10, TimeUnit.SECONDS))
          .isEqualTo("1013 gateway full: messaging.gateway-max-connections=1");
      assertThat(one.closed).isNotDone();
      assertThat(small.connected()).containsExactly("phone-4");
    }
  }

  @Test
  void webSocketNode_andClientMessenger_exchangeMessagesAndARequest() throws Exception {
    HazelcastInstance client = cluster.newClient();
    Messenger peer = peer(client, "peer-1");
    List<Message> atPeer = new CopyOnWriteArrayList<>();
    peer.subscribe(atPeer::add);
    Edge phone = Edge.join("phone-1", PHONE);
    await().until(() -> gateway().connected().contains("phone-1"));

    phone.send(
        "{\"recipient\":\"peer-1\",\"type\":\"STATUS_UPDATE\",\"priority\":\"HIGH\",\"payload\":\"battery 80%\"}");
    await().until(() -> atPeer.size() == 1);
    assertThat(atPeer.get(0).sender()).isEqualTo("phone-1");
    assertThat(atPeer.get(0).text()).isEqualTo("battery 80%");
    assertThat(atPeer.get(0).priority()).isEqualTo(Priority.HIGH);
    await().until(() -> phone.ofKind("sent").size() == 1);
    assertThat(phone.ofKind("sent"))
        .singleElement()
        .satisfies(f -> assertThat(f.get("id").asText()).isEqualTo(atPeer.get(0).id()));

    peer.send(
        "phone-1",
        MessageType.TASK_ASSIGNMENT,
        Priority.EMERGENCY,
        new byte[] {0, 1, 2, (byte) 255});
    await().until(() -> phone.ofKind("message").size() == 1);
    JsonNode m = phone.ofKind("message").get(0);
    assertThat(m.get("sender").asText()).isEqualTo("peer-1");
    assertThat(m.get("type").asText()).isEqualTo("TASK_ASSIGNMENT");
    assertThat(m.get("priority").asText()).isEqualTo("EMERGENCY");
    assertThat(m.get("payloadBase64").asText()).isEqualTo("AAEC/w==");

    CompletableFuture<Message> answer =
        peer.request(
            "phone-1",
            MessageType.REQUEST,
            Priority.NORMAL,
            "where are you?".getBytes(StandardCharsets.UTF_8),
            Duration.ofSeconds(20));
    await().until(() -> phone.ofKind("message").size() == 2);
    JsonNode request = phone.ofKind("message").get(1);
    assertThat(request.get("payload").asText()).isEqualTo("where are you?");
    phone.send(
        "{\"recipient\":\"peer-1\",\"type\":\"RESPONSE\",\"correlationId\":\""
            + request.get("correlationId").asText()
            + "\",\"payloadBase64\":\""
            + java.util.Base64.getEncoder()
                .encodeToString("at home".getBytes(StandardCharsets.UTF_8))
            + "\"}");
    assertThat(answer.get(20, TimeUnit.SECONDS).text()).isEqualTo("at home");
    phone.ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
    peer.close();
  }

  @Test
  void malformedFrames_getAnErrorNamingTheField_andNothingIsQueued() throws Exception {
    HazelcastInstance client = cluster.newClient();
    Messenger peer = peer(client, "peer-2");
    Edge phone = Edge.join("phone-2", PHONE);
    await().until(() -> gateway().connected().contains("phone-2"));

    List<String> bad =
        List.of(
            "{not json",
            "[1,2]",
            "{\"type\":\"STATUS_UPDATE\"}",
            "{\"recipient\":\"peer-2\",\"type\":\"SHOUT\"}",
            "{\"recipient\":\"peer-2\",\"type\":\"CUSTOM\",\"priority\":\"URGENT\"}",
            "{\"recipient\":\"peer-2\",\"type\":\"CUSTOM\",\"deadline\":\"tomorrow\"}",
            "{\"recipient\":\"peer-2\",\"type\":\"CUSTOM\",\"deadline\":1000}",
            "{\"recipient\":\"peer-2\",\"type\":\"CUSTOM\",\"payloadBase64\":\"***\"}",
            "{\"recipient\":\"peer-2\",\"type\":\"CUSTOM\",\"colour\":\"red\"}",
            "{\"recipient\":\"nobody-here\",\"type\":\"CUSTOM\"}");
    List<String> fields =
        List.of(
            "frame",
            "frame",
            "recipient",
            "type",
            "priority",
            "deadline",
            "deadline",
            "payloadBase64",
            "colour",
            "recipient");
    for (String frame : bad) {
      phone.send(frame);
    }
    await().until(() -> phone.ofKind("error").size() == bad.size());
    assertThat(phone.ofKind("error").stream().map(f -> f.get("field").asText()).toList())
        .isEqualTo(fields);
    assertThat(phone.ofKind("error").get(3).get("message").asText())
        .contains("SHOUT")
        .contains("nothing was queued");
    assertThat(phone.ofKind("sent")).isEmpty();
    assertThat(peer.queued()).isZero();
    assertThat(phone.closed).isNotDone();
    phone.ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
    peer.close();
  }

  @Test
  void dropAndReconnect_nodeIsUnreachableMeanwhile_andQueuedMessagesAreDeliveredInOrder()
      throws Exception {
    HazelcastInstance client = cluster.newClient();
    Messenger peer = peer(client, "peer-3");
    Edge first = Edge.join("phone-3", PHONE);
    await().until(() -> gateway().connected().contains("phone-3"));
    peer.send(
        "phone-3",
        MessageType.STATUS_UPDATE,
        Priority.NORMAL,
        "before".getBytes(StandardCharsets.UTF_8));
    await().until(() -> first.ofKind("message").size() == 1);

    await().until(() -> peer.presence("phone-3").reachable());
    first.ws.abort();
    await().until(() -> !gateway().connected().contains("phone-3"));
    await().until(() -> peer.unreachable().contains("phone-3"));
    for (int i = 0; i < 20; i++) {
      peer.send(
          "phone-3",
          MessageType.STATUS_UPDATE,
          Priority.NORMAL,
          ("away-" + i).getBytes(StandardCharsets.UTF_8));
    }
    peer.send(
        "phone-3",
        MessageType.EMERGENCY_ALERT,
        Priority.EMERGENCY,
        "alarm".getBytes(StandardCharsets.UTF_8));
    assertThat(peer.queuedFor("phone-3")).isEqualTo(21);

    Edge again = Edge.join("phone-3", PHONE);
    await().until(() -> again.ofKind("message").size() == 21);
    List<String> texts =
        again.ofKind("message").stream().map(f -> f.get("payload").asText()).toList();
    assertThat(texts.get(0)).isEqualTo("alarm");
    assertThat(texts.subList(1, 21))
        .isEqualTo(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "away-" + i).toList());
    assertThat(peer.queuedFor("phone-3")).isZero();
    await().until(() -> peer.presence("phone-3").reachable());
    again.ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
    peer.close();
  }

  @Test
  void tokenHolder_cannotConnectAsAnotherNode_norDrainItsInbox() throws Exception {
    HazelcastInstance client = cluster.newClient();
    Messenger peer = peer(client, "peer-6");
    NodeKeys owner = NodeKeys.generate();
    Edge phone = Edge.join("phone-6", owner);
    await().until(() -> gateway().connected().contains("phone-6"));
    phone.ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
    await().until(() -> !gateway().connected().contains("phone-6"));
    peer.send("phone-6", MessageType.STATUS_UPDATE, Priority.HIGH, "secret".getBytes(UTF_8));

    NodeKeys thief = NodeKeys.generate();
    Edge impostor = Edge.join(gateway().port(), "phone-6", thief, thief);
    assertThat(impostor.closed.get(10, TimeUnit.SECONDS))
        .isEqualTo("1008 signature: does not verify with the key of node 'phone-6'");
    assertThat(impostor.ofKind("message")).isEmpty();
    assertThat(peer.queuedFor("phone-6")).isEqualTo(1);

    Edge newcomer = Edge.connect("?node=phone-7&token=" + TOKEN);
    assertThat(newcomer.closed.get(10, TimeUnit.SECONDS))
        .startsWith("1008 publicKey: node 'phone-7' is new");
    assertThat(new NodeRegistry(client).get("phone-7")).isEmpty();

    Edge back = Edge.join("phone-6", owner);
    await().until(() -> back.ofKind("message").size() == 1);
    assertThat(back.ofKind("message").get(0).get("payload").asText()).isEqualTo("secret");
    back.ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
    peer.close();
  }

  @Test
  void foreignOrigin_andOversizedFrames_areRefused() throws Exception {
    try (WebSocketGateway strict =
        new WebSocketGateway(
            cluster.member(1),
            withGatewayOn()
                .gatewayMaxFrameBytes(1024)
                .gatewayAllowedOrigins(List.of("https://ops.example"))
                .build())) {
      Edge evil =
          Edge.connect(strict.port(), "?node=phone-8&token=" + TOKEN, "https://evil.example");
      assertThat(evil.closed.get(10, TimeUnit.SECONDS))
          .isEqualTo(
              "1008 origin: 'https://evil.example' is not in messaging.gateway-allowed-origins");

      Edge phone = Edge.join(strict.port(), "phone-8", PHONE, PHONE);
      await().until(() -> strict.connected().contains("phone-8"));
      phone.send(
          "{\"recipient\":\"phone-8\",\"type\":\"CUSTOM\",\"payload\":\""
              + "x".repeat(2000)
              + "\"}");
      assertThat(phone.closed.get(10, TimeUnit.SECONDS)).startsWith("1009");
    }
  }

  @Test
  void perNodeTokens_bindAConnectionToItsNode_andTheSharedTokenGrantsNone() throws Exception {
    NodeKeys meterA = NodeKeys.generate();
    NodeKeys meterB = NodeKeys.generate();
    try (WebSocketGateway g =
            new WebSocketGateway(
                cluster.member(1),
                withGatewayOn()
                    .gatewayNodeTokens(Map.of("meter-a", "tok-a", "meter-b", "tok-b"))
                    .build());
        Messenger hub = peer(cluster.newClient(), "hub")) {
      List<Message> got = new CopyOnWriteArrayList<>();
      hub.subscribe(got::add);
      // meter-a's token, claiming meter-b: refused before any challenge.
      Edge stolen = joinWith(g.port(), "meter-b", "tok-a", meterB);
      assertThat(stolen.closed.get(10, TimeUnit.SECONDS))
          .startsWith("1008")
          .contains("wrong token for node 'meter-b'");
      assertThat(stolen.ofKind("challenge")).isEmpty();
      // The shared token grants no node once per-node tokens are set, listed or not.
      for (String node : List.of("meter-b", "meter-z")) {
        Edge shared = joinWith(g.port(), node, TOKEN, meterB);
        assertThat(shared.closed.get(10, TimeUnit.SECONDS))
            .startsWith("1008")
            .contains("wrong token for node '" + node + "'");
      }
      assertThat(new NodeRegistry(cluster.member(0)).get("meter-z")).isEmpty();

      // Its own token: meter-a joins, and what it sends is sent as meter-a.
      Edge a = joinWith(g.port(), "meter-a", "tok-a", meterA);
      await().atMost(Duration.ofSeconds(30)).until(() -> g.connected().contains("meter-a"));
      a.send("{\"recipient\":\"hub\",\"type\":\"STATUS_UPDATE\",\"payload\":\"reading 7\"}");
      await().atMost(Duration.ofSeconds(30)).until(() -> got.size() == 1);
      assertThat(got.get(0).sender()).isEqualTo("meter-a");
      assertThat(g.connected()).containsExactly("meter-a");
    }
  }

  /** Connects as {@code node} with {@code token} and answers the challenge with {@code keys}. */
  static Edge joinWith(int port, String node, String token, NodeKeys keys) throws Exception {
    String key = Base64.getUrlEncoder().withoutPadding().encodeToString(keys.publicKey());
    Edge e = Edge.connect(port, "?node=" + node + "&token=" + token + "&publicKey=" + key);
    await().until(() -> !e.ofKind("challenge").isEmpty() || e.closed.isDone());
    if (e.closed.isDone()) {
      return e;
    }
    String nonce = e.ofKind("challenge").get(0).get("nonce").asText();
    byte[] hello = ("swarmgrid.gateway.hello.v1|" + node + "|" + nonce).getBytes(UTF_8);
    e.send(
        "{\"kind\":\"hello\",\"signature\":\""
            + Base64.getEncoder().encodeToString(keys.sign(hello))
            + "\"}");
    return e;
  }
}
