package io.swarmgrid.config;

import static io.swarmgrid.config.internal.Checks.range;

import java.util.Objects;

/**
 * Interest-based state propagation ({@code swarmgrid.propagation}): payload limit, when waiting
 * updates are degraded, and the default bandwidth budget of each tier (a node's own budget,
 * declared through the client, replaces its tier's).
 *
 * @param maxPayloadBytes largest payload of one quality level of an update, 1..4194304 bytes
 * @param degradeAfterMillis how long a background update waits over budget before it goes down a
 *     quality level (normal: twice, high: four times; urgent never), 0..60000, 0 never degrades
 * @param edgeBudget bytes per second to each edge node, 0 for unlimited, else at least {@link
 *     #minimumBudget(int)} of {@code max-payload-bytes}
 * @param edgeServerBudget the same for edge servers
 * @param cloudBudget the same for cloud nodes
 * @param sendThreads threads that put bulk deliveries in inboxes, per member, 1..64 (urgent ones
 *     are offered asynchronously, on no thread of their own)
 */
public record PropagationConfig(
    int maxPayloadBytes,
    int degradeAfterMillis,
    long edgeBudget,
    long edgeServerBudget,
    long cloudBudget,
    int sendThreads) {

  /** Default {@code max-payload-bytes}. */
  public static final int DEFAULT_MAX_PAYLOAD_BYTES = 65_536;

  /** Default {@code degrade-after-millis}. */
  public static final int DEFAULT_DEGRADE_AFTER_MILLIS = 50;

  /** Default {@code send-threads}. */
  public static final int DEFAULT_SEND_THREADS = 4;

  /** Bytes a delivery adds to its payload at most (envelope of ids and numbers). */
  public static final int ENVELOPE_BYTES = 1024;

  /** The defaults of the bundled {@code swarmgrid-default.yaml}: no budgets. */
  public static final PropagationConfig DEFAULTS =
      new PropagationConfig(
          DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_DEGRADE_AFTER_MILLIS, 0, 0, 0, DEFAULT_SEND_THREADS);

  /** Validates every field. */
  public PropagationConfig {
    range("max-payload-bytes", maxPayloadBytes, 1, 4 * 1024 * 1024);
    range("degrade-after-millis", degradeAfterMillis, 0, 60_000);
    checkBudget("edge-budget", edgeBudget, maxPayloadBytes);
    checkBudget("edge-server-budget", edgeServerBudget, maxPayloadBytes);
    checkBudget("cloud-budget", cloudBudget, maxPayloadBytes);
    range("send-threads", sendThreads, 1, 64);
  }

  /**
   * The smallest budget, bytes per second, that carries a delivery of {@code maxPayloadBytes}
   * without ever exceeding itself over a 1 s window: 11 of the largest deliveries (base64 payload
   * plus envelope), as budgets are spent in 100 ms shares of a 1 s window.
   */
  public static long minimumBudget(int maxPayloadBytes) {
    return 11L * (4L * ((maxPayloadBytes + 2) / 3) + ENVELOPE_BYTES);
  }

  /** The default budget of {@code tier}, bytes per second, 0 for unlimited. */
  public long budgetOf(NodeTier tier) {
    return switch (tier) {
      case EDGE -> edgeBudget;
      case EDGE_SERVER -> edgeServerBudget;
      case CLOUD -> cloudBudget;
    };
  }

  private static void checkBudget(String key, long budget, int maxPayloadBytes) {
    if (budget != 0 && budget < minimumBudget(maxPayloadBytes)) {
      throw new SwarmConfigException(
          key,
          budget,
          "0 (unlimited) or at least "
              + minimumBudget(maxPayloadBytes)
              + " bytes per second (11 deliveries of max-payload-bytes="
              + maxPayloadBytes
              + ")");
    }
    range(key, budget, 0, Long.MAX_VALUE);
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder(DEFAULTS);
  }

  /** A builder starting from {@code base}. */
  public static Builder from(PropagationConfig base) {
    return new Builder(Objects.requireNonNull(base, "base"));
  }

  /** The defaults (the same as {@link #DEFAULTS}). */
  public static PropagationConfig ofDefaults() {
    return DEFAULTS;
  }

  /**
   * Builds a {@link PropagationConfig}; each setter rejects a bad value at once, {@link #build}
   * checks the budgets against the payload limit.
   */
  public static final class Builder {
    private static final String PATH = "swarmgrid.propagation";

    private int maxPayloadBytes;
    private int degradeAfterMillis;
    private long edgeBudget;
    private long edgeServerBudget;
    private long cloudBudget;
    private int sendThreads;

    private Builder(PropagationConfig c) {
      maxPayloadBytes = c.maxPayloadBytes;
      degradeAfterMillis = c.degradeAfterMillis;
      edgeBudget = c.edgeBudget;
      edgeServerBudget = c.edgeServerBudget;
      cloudBudget = c.cloudBudget;
      sendThreads = c.sendThreads;
    }

    /** Largest payload of one quality level, 1..4194304 bytes. */
    public Builder maxPayloadBytes(int maxPayloadBytes) {
      this.maxPayloadBytes =
          range(PATH + ".max-payload-bytes", maxPayloadBytes, 1, 4 * 1024 * 1024);
      return this;
    }

    /** Wait of a background update over budget before it is degraded, 0..60000 ms. */
    public Builder degradeAfterMillis(int degradeAfterMillis) {
      this.degradeAfterMillis =
          range(PATH + ".degrade-after-millis", degradeAfterMillis, 0, 60_000);
      return this;
    }

    /** Budget of each edge node, bytes per second, 0 for unlimited. */
    public Builder edgeBudget(long edgeBudget) {
      this.edgeBudget = range(PATH + ".edge-budget", edgeBudget, 0, Long.MAX_VALUE);
      return this;
    }

    /** Budget of each edge server, bytes per second, 0 for unlimited. */
    public Builder edgeServerBudget(long edgeServerBudget) {
      this.edgeServerBudget =
          range(PATH + ".edge-server-budget", edgeServerBudget, 0, Long.MAX_VALUE);
      return this;
    }

    /** Budget of each cloud node, bytes per second, 0 for unlimited. */
    public Builder cloudBudget(long cloudBudget) {
      this.cloudBudget = range(PATH + ".cloud-budget", cloudBudget, 0, Long.MAX_VALUE);
      return this;
    }

    /** Threads that put deliveries in inboxes, per member, 1..64. */
    public Builder sendThreads(int sendThreads) {
      this.sendThreads = range(PATH + ".send-threads", sendThreads, 1, 64);
      return this;
    }

    /** The config; a budget below the minimum for the payload limit is refused. */
    public PropagationConfig build() {
      try {
        return new PropagationConfig(
            maxPayloadBytes,
            degradeAfterMillis,
            edgeBudget,
            edgeServerBudget,
            cloudBudget,
            sendThreads);
      } catch (SwarmConfigException e) {
        throw e.under(PATH, "");
      }
    }
  }
}
