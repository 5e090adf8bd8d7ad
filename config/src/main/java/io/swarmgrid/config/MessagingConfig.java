package io.swarmgrid.config;

import static io.swarmgrid.config.internal.Checks.range;

import java.util.List;

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
    int goneAfterUnreachableSeconds) {

  /** The defaults of the bundled {@code swarmgrid-default.yaml}. */
  public static final MessagingConfig DEFAULTS =
      new MessagingConfig(
          65_536, 200_000, 100_000, 5_000, 3, 100, 2.0, 1_000, 3, false, 0, "", 1_000, 262_144,
          List.of(), 600);

  /** Validates every field. */
  public MessagingConfig {
    range("max-payload-bytes", maxPayloadBytes, 1, 16 * 1024 * 1024);
    range("max-queued-per-recipient", maxQueuedPerRecipient, 10, 10_000_000);
    range("dedup-window", dedupWindow, 100, 10_000_000);
    range("request-timeout-millis", requestTimeoutMillis, 10, 3_600_000);
    range("retry-max-attempts", retryMaxAttempts, 1, 20);
    range("retry-initial-backoff-millis", retryInitialBackoffMillis, 1, 60_000);
    if (!(retryBackoffMultiplier >= 1.0 && retryBackoffMultiplier <= 10.0)) {
      throw new SwarmConfigException(
          "retry-backoff-multiplier", retryBackoffMultiplier, "a number from 1.0 to 10.0");
    }
    range("ping-interval-millis", pingIntervalMillis, 50, 3_600_000);
    range("unreachable-after-missed-pings", unreachableAfterMissedPings, 1, 100);
    range("gateway-port", gatewayPort, 0, 65_535);
    range("gateway-max-connections", gatewayMaxConnections, 1, 100_000);
    range("gateway-max-frame-bytes", gatewayMaxFrameBytes, 1024, 64 * 1024 * 1024);
    range("gone-after-unreachable-seconds", goneAfterUnreachableSeconds, 1, 31_536_000);
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
    if (gatewayEnabled && gatewayToken.isBlank()) {
      throw new SwarmConfigException(
          "gateway-token", gatewayToken, "a non-empty token when gateway-enabled is true");
    }
  }

  /** A copy with the gateway on at {@code port} (0: any free port) with {@code token}. */
  public MessagingConfig withGateway(int port, String token) {
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
        true,
        port,
        token,
        gatewayMaxConnections,
        gatewayMaxFrameBytes,
        gatewayAllowedOrigins,
        goneAfterUnreachableSeconds);
  }

  /** A copy that accepts at most {@code max} gateway connections. */
  public MessagingConfig withGatewayMaxConnections(int max) {
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
        max,
        gatewayMaxFrameBytes,
        gatewayAllowedOrigins,
        goneAfterUnreachableSeconds);
  }

  /** A copy with other retry settings. */
  public MessagingConfig withRetry(int maxAttempts, long initialBackoffMillis, double multiplier) {
    return new MessagingConfig(
        maxPayloadBytes,
        maxQueuedPerRecipient,
        dedupWindow,
        requestTimeoutMillis,
        maxAttempts,
        initialBackoffMillis,
        multiplier,
        pingIntervalMillis,
        unreachableAfterMissedPings,
        gatewayEnabled,
        gatewayPort,
        gatewayToken,
        gatewayMaxConnections,
        gatewayMaxFrameBytes,
        gatewayAllowedOrigins,
        goneAfterUnreachableSeconds);
  }

  /** A copy with other presence settings. */
  public MessagingConfig withPresence(long pingIntervalMillis, int unreachableAfterMissedPings) {
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
        goneAfterUnreachableSeconds);
  }

  /** A copy with other bounds. */
  public MessagingConfig withBounds(int maxPayloadBytes, int maxQueuedPerRecipient) {
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
        goneAfterUnreachableSeconds);
  }

  /** A copy with the gateway's frame limit and allowed browser origins. */
  public MessagingConfig withGatewayLimits(int maxFrameBytes, List<String> allowedOrigins) {
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
        maxFrameBytes,
        allowedOrigins,
        goneAfterUnreachableSeconds);
  }

  /** A copy that marks unreachable client-side nodes gone after {@code seconds}. */
  public MessagingConfig withGoneAfterUnreachable(int seconds) {
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
        seconds);
  }
}
