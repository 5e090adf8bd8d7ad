package io.swarmgrid.config;

import static io.swarmgrid.config.internal.Checks.range;
import static io.swarmgrid.config.internal.Checks.required;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of real-time messaging: the {@code swarmgrid.messaging} block. Every growing structure
 * of messaging is bounded here (inboxes, the remembered message ids, payloads).
 *
 * @param maxPayloadBytes largest message payload accepted, 1..16777216 bytes
 * @param maxQueuedPerRecipient messages an inbox holds at most (also while its node is
 *     unreachable); a send to a full inbox is refused, 10..10000000
 * @param dedupWindow message ids a receiver remembers to drop redeliveries, 100..10000000
 * @param requestTimeoutMillis default time a request waits for its response, 10..3600000 ms
 * @param retryMaxAttempts attempts of a request with retry (the first included), 1..20
 * @param retryInitialBackoffMillis wait before the first retry, 1..60000 ms
 * @param retryBackoffMultiplier factor by which each further wait grows, 1.0..10.0
 * @param pingIntervalMillis how often every subscribed messaging node heart-beats (presence),
 *     50..3600000 ms
 * @param unreachableAfterMissedPings beats a node may miss before it is marked unreachable, 1..100
 * @param gatewayEnabled whether this member serves the WebSocket gateway
 * @param gatewayPort port of the WebSocket gateway, 0 (any free port) or 1..65535
 * @param gatewayToken token edge clients must present; required when the gateway is enabled
 * @param gatewayMaxConnections open WebSocket connections the gateway accepts at most (each holds a
 *     messenger with two threads); a further one is closed with 1013, 1..100000
 * @param gatewayMaxFrameBytes largest WebSocket text frame (message) the gateway reads; a larger
 *     one closes the connection with 1009, 1024..67108864 bytes
 * @param gatewayAllowedOrigins values of the HTTP {@code Origin} header (browser pages) allowed to
 *     connect; a connection with another Origin is closed with 1008. Clients that send no Origin
 *     (devices, servers) are not affected. Empty: no browser page may connect
 * @param goneAfterUnreachableSeconds a client-side node (an edge or gateway node, not a member's)
 *     unreachable this long is marked gone in the registry: it leaves default electorates and its
 *     record expires; it is active again when it reconnects, 1..31536000
 * @param maxQueuedBytesPerRecipient payload bytes an inbox holds at most, with {@code
 *     max-queued-per-recipient} bounding the count: a send that would pass it is refused, at least
 *     {@code max-payload-bytes}, 1024..1099511627776
 * @param gatewayNodeTokens per-node gateway tokens, node id to token. Empty: any node connects with
 *     {@code gateway-token} (a new one registers its key). Not empty: only the listed nodes
 *     connect, each with its own token; {@code gateway-token} then grants no node
 */
public record MessagingConfig(
    int maxPayloadBytes,
    int maxQueuedPerRecipient,
    int dedupWindow,
    long requestTimeoutMillis,
    int retryMaxAttempts,
    long retryInitialBackoffMillis,
    double retryBackoffMultiplier,
    long pingIntervalMillis,
    int unreachableAfterMissedPings,
    boolean gatewayEnabled,
    int gatewayPort,
    String gatewayToken,
    int gatewayMaxConnections,
    int gatewayMaxFrameBytes,
    List<String> gatewayAllowedOrigins,
    int goneAfterUnreachableSeconds,
    long maxQueuedBytesPerRecipient,
    Map<String, String> gatewayNodeTokens) {

  /** The defaults of the bundled {@code swarmgrid-default.yaml}. */
  public static final MessagingConfig DEFAULTS =
      new MessagingConfig(
          65_536,
          200_000,
          100_000,
          5_000,
          3,
          100,
          2.0,
          1_000,
          3,
          false,
          0,
          "",
          1_000,
          262_144,
          List.of(),
          600,
          268_435_456L,
          Map.of());

  /** Validates every field. */
  public MessagingConfig {
    range("max-payload-bytes", maxPayloadBytes, 1, 16 * 1024 * 1024);
    range("max-queued-per-recipient", maxQueuedPerRecipient, 10, 10_000_000);
    range("dedup-window", dedupWindow, 100, 10_000_000);
    range("request-timeout-millis", requestTimeoutMillis, 10, 3_600_000);
    range("retry-max-attempts", retryMaxAttempts, 1, 20);
    range("retry-initial-backoff-millis", retryInitialBackoffMillis, 1, 60_000);
    range("retry-backoff-multiplier", retryBackoffMultiplier, 1.0, 10.0);
    range("ping-interval-millis", pingIntervalMillis, 50, 3_600_000);
    range("unreachable-after-missed-pings", unreachableAfterMissedPings, 1, 100);
    range("gateway-port", gatewayPort, 0, 65_535);
    range("gateway-max-connections", gatewayMaxConnections, 1, 100_000);
    range("gateway-max-frame-bytes", gatewayMaxFrameBytes, 1024, 64 * 1024 * 1024);
    range("gone-after-unreachable-seconds", goneAfterUnreachableSeconds, 1, 31_536_000);
    range("max-queued-bytes-per-recipient", maxQueuedBytesPerRecipient, 1024L, 1L << 40);
    if (maxQueuedBytesPerRecipient < maxPayloadBytes) {
      throw new SwarmConfigException(
          "max-queued-bytes-per-recipient",
          maxQueuedBytesPerRecipient,
          "at least max-payload-bytes (" + maxPayloadBytes + ")");
    }
    gatewayAllowedOrigins =
        gatewayAllowedOrigins == null ? List.of() : List.copyOf(gatewayAllowedOrigins);
    for (String origin : gatewayAllowedOrigins) {
      if (origin.isBlank() || origin.equals("*")) {
        throw new SwarmConfigException(
            "gateway-allowed-origins",
            origin,
            "origins such as https://ops.example.com (no blank entry, no wildcard)");
      }
    }
    gatewayToken = gatewayToken == null ? "" : gatewayToken;
    gatewayNodeTokens = checkNodeTokens("gateway-node-tokens", gatewayNodeTokens);
    if (gatewayEnabled && gatewayToken.isBlank()) {
      throw new SwarmConfigException(
          "gateway-token", gatewayToken, "a non-empty token when gateway-enabled is true");
    }
  }

  private static Map<String, String> checkNodeTokens(String key, Map<String, String> tokens) {
    if (tokens == null) {
      return Map.of();
    }
    for (Map.Entry<String, String> e : tokens.entrySet()) {
      if (e.getKey() == null || e.getKey().isBlank()) {
        throw new SwarmConfigException(key, e.getKey(), "node ids that are not blank");
      }
      if (e.getValue() == null || e.getValue().isBlank()) {
        throw new SwarmConfigException(key + "." + e.getKey(), "", "a non-empty token");
      }
    }
    return Map.copyOf(new LinkedHashMap<>(tokens));
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder(DEFAULTS);
  }

  /** A builder starting from {@code base}. */
  public static Builder from(MessagingConfig base) {
    return new Builder(Objects.requireNonNull(base, "base"));
  }

  /** The defaults (the same as {@link #DEFAULTS}). */
  public static MessagingConfig ofDefaults() {
    return DEFAULTS;
  }

  /**
   * Builds a {@link MessagingConfig}; each setter rejects a bad value at once, {@link #build}
   * checks the keys that depend on each other.
   */
  public static final class Builder {
    private static final String PATH = "swarmgrid.messaging";

    private int maxPayloadBytes;
    private int maxQueuedPerRecipient;
    private int dedupWindow;
    private long requestTimeoutMillis;
    private int retryMaxAttempts;
    private long retryInitialBackoffMillis;
    private double retryBackoffMultiplier;
    private long pingIntervalMillis;
    private int unreachableAfterMissedPings;
    private boolean gatewayEnabled;
    private int gatewayPort;
    private String gatewayToken;
    private int gatewayMaxConnections;
    private int gatewayMaxFrameBytes;
    private List<String> gatewayAllowedOrigins;
    private int goneAfterUnreachableSeconds;
    private long maxQueuedBytesPerRecipient;
    private Map<String, String> gatewayNodeTokens;

    private Builder(MessagingConfig c) {
      maxPayloadBytes = c.maxPayloadBytes;
      maxQueuedPerRecipient = c.maxQueuedPerRecipient;
      dedupWindow = c.dedupWindow;
      requestTimeoutMillis = c.requestTimeoutMillis;
      retryMaxAttempts = c.retryMaxAttempts;
      retryInitialBackoffMillis = c.retryInitialBackoffMillis;
      retryBackoffMultiplier = c.retryBackoffMultiplier;
      pingIntervalMillis = c.pingIntervalMillis;
      unreachableAfterMissedPings = c.unreachableAfterMissedPings;
      gatewayEnabled = c.gatewayEnabled;
      gatewayPort = c.gatewayPort;
      gatewayToken = c.gatewayToken;
      gatewayMaxConnections = c.gatewayMaxConnections;
      gatewayMaxFrameBytes = c.gatewayMaxFrameBytes;
      gatewayAllowedOrigins = c.gatewayAllowedOrigins;
      goneAfterUnreachableSeconds = c.goneAfterUnreachableSeconds;
      maxQueuedBytesPerRecipient = c.maxQueuedBytesPerRecipient;
      gatewayNodeTokens = c.gatewayNodeTokens;
    }

    /** Largest message payload accepted, 1..16777216 bytes. */
    public Builder maxPayloadBytes(int maxPayloadBytes) {
      this.maxPayloadBytes =
          range(PATH + ".max-payload-bytes", maxPayloadBytes, 1, 16 * 1024 * 1024);
      return this;
    }

    /**
     * Messages an inbox holds at most (also while its node is unreachable); a send to a full inbox
     * is refused, 10..10000000.
     */
    public Builder maxQueuedPerRecipient(int maxQueuedPerRecipient) {
      this.maxQueuedPerRecipient =
          range(PATH + ".max-queued-per-recipient", maxQueuedPerRecipient, 10, 10_000_000);
      return this;
    }

    /** Message ids a receiver remembers to drop redeliveries, 100..10000000. */
    public Builder dedupWindow(int dedupWindow) {
      this.dedupWindow = range(PATH + ".dedup-window", dedupWindow, 100, 10_000_000);
      return this;
    }

    /** Default time a request waits for its response, 10..3600000 ms. */
    public Builder requestTimeoutMillis(long requestTimeoutMillis) {
      this.requestTimeoutMillis =
          range(PATH + ".request-timeout-millis", requestTimeoutMillis, 10, 3_600_000);
      return this;
    }

    /** Attempts of a request with retry (the first included), 1..20. */
    public Builder retryMaxAttempts(int retryMaxAttempts) {
      this.retryMaxAttempts = range(PATH + ".retry-max-attempts", retryMaxAttempts, 1, 20);
      return this;
    }

    /** Wait before the first retry, 1..60000 ms. */
    public Builder retryInitialBackoffMillis(long retryInitialBackoffMillis) {
      this.retryInitialBackoffMillis =
          range(PATH + ".retry-initial-backoff-millis", retryInitialBackoffMillis, 1, 60_000);
      return this;
    }

    /** Factor by which each further wait grows, 1.0..10.0. */
    public Builder retryBackoffMultiplier(double retryBackoffMultiplier) {
      this.retryBackoffMultiplier =
          range(PATH + ".retry-backoff-multiplier", retryBackoffMultiplier, 1.0, 10.0);
      return this;
    }

    /** How often every subscribed messaging node heart-beats (presence), 50..3600000 ms. */
    public Builder pingIntervalMillis(long pingIntervalMillis) {
      this.pingIntervalMillis =
          range(PATH + ".ping-interval-millis", pingIntervalMillis, 50, 3_600_000);
      return this;
    }

    /** Beats a node may miss before it is marked unreachable, 1..100. */
    public Builder unreachableAfterMissedPings(int unreachableAfterMissedPings) {
      this.unreachableAfterMissedPings =
          range(PATH + ".unreachable-after-missed-pings", unreachableAfterMissedPings, 1, 100);
      return this;
    }

    /** Whether this member serves the WebSocket gateway. */
    public Builder gatewayEnabled(boolean gatewayEnabled) {
      this.gatewayEnabled = gatewayEnabled;
      return this;
    }

    /** Port of the WebSocket gateway, 0 (any free port) or 1..65535. */
    public Builder gatewayPort(int gatewayPort) {
      this.gatewayPort = range(PATH + ".gateway-port", gatewayPort, 0, 65_535);
      return this;
    }

    /** Token edge clients must present; required when the gateway is enabled. */
    public Builder gatewayToken(String gatewayToken) {
      this.gatewayToken = gatewayToken == null ? "" : gatewayToken;
      return this;
    }

    /**
     * Open WebSocket connections the gateway accepts at most (each holds a messenger with two
     * threads); a further one is closed with 1013, 1..100000.
     */
    public Builder gatewayMaxConnections(int gatewayMaxConnections) {
      this.gatewayMaxConnections =
          range(PATH + ".gateway-max-connections", gatewayMaxConnections, 1, 100_000);
      return this;
    }

    /** Largest WebSocket frame (message) the gateway reads, 1024..67108864 bytes. */
    public Builder gatewayMaxFrameBytes(int gatewayMaxFrameBytes) {
      this.gatewayMaxFrameBytes =
          range(PATH + ".gateway-max-frame-bytes", gatewayMaxFrameBytes, 1024, 64 * 1024 * 1024);
      return this;
    }

    /** Browser origins allowed to open the gateway (none: browsers are refused). */
    public Builder gatewayAllowedOrigins(List<String> gatewayAllowedOrigins) {
      List<String> origins =
          gatewayAllowedOrigins == null ? List.of() : List.copyOf(gatewayAllowedOrigins);
      for (String origin : origins) {
        if (origin.isBlank() || origin.equals("*")) {
          throw new SwarmConfigException(
              PATH + ".gateway-allowed-origins",
              origin,
              "origins such as https://ops.example.com (no blank entry, no wildcard)");
        }
      }
      this.gatewayAllowedOrigins = origins;
      return this;
    }

    /** Seconds an unreachable client-side node stays before it is marked gone, 1..31536000. */
    public Builder goneAfterUnreachableSeconds(int goneAfterUnreachableSeconds) {
      this.goneAfterUnreachableSeconds =
          range(
              PATH + ".gone-after-unreachable-seconds", goneAfterUnreachableSeconds, 1, 31_536_000);
      return this;
    }

    /**
     * Payload bytes an inbox holds at most; a send that would pass it is refused; at least {@code
     * max-payload-bytes}, 1024..1099511627776.
     */
    public Builder maxQueuedBytesPerRecipient(long maxQueuedBytesPerRecipient) {
      this.maxQueuedBytesPerRecipient =
          range(
              PATH + ".max-queued-bytes-per-recipient",
              maxQueuedBytesPerRecipient,
              1024L,
              1L << 40);
      return this;
    }

    /**
     * Per-node gateway tokens, node id to token; not empty: only the listed nodes connect, each
     * with its own token.
     */
    public Builder gatewayNodeTokens(Map<String, String> gatewayNodeTokens) {
      this.gatewayNodeTokens =
          checkNodeTokens(
              PATH + ".gateway-node-tokens",
              required(
                  PATH + ".gateway-node-tokens", gatewayNodeTokens, "a mapping of node to token"));
      return this;
    }

    /** The config; a bad combination of keys is refused naming the key and the value. */
    public MessagingConfig build() {
      try {
        return new MessagingConfig(
            maxPayloadBytes,
            maxQueuedPerRecipient,
            dedupWindow,
            requestTimeoutMillis,
            retryMaxAttempts,
            retryInitialBackoffMillis,
            retryBackoffMultiplier,
            pingIntervalMillis,
            unreachableAfterMissedPings,
            gatewayEnabled,
            gatewayPort,
            gatewayToken,
            gatewayMaxConnections,
            gatewayMaxFrameBytes,
            gatewayAllowedOrigins,
            goneAfterUnreachableSeconds,
            maxQueuedBytesPerRecipient,
            gatewayNodeTokens);
      } catch (SwarmConfigException e) {
        throw e.under(PATH, "");
      }
    }
  }
}
