package io.swarmgrid.client;

import java.util.List;

/**
 * How a client reaches a SwarmGrid cluster.
 *
 * @param clusterName the Hazelcast cluster name
 * @param addresses member addresses, {@code host:port}; at least one
 * @param connectTimeoutMillis how long to keep trying to reach the cluster at start, 1000..3600000
 */
public record SwarmClientConfig(
    String clusterName, List<String> addresses, long connectTimeoutMillis) {
  /** Default connect timeout: 30 s. */
  public static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 30_000;

  /** Validates every field, naming the bad one. */
  public SwarmClientConfig {
    if (clusterName == null || clusterName.isBlank()) {
      throw new IllegalArgumentException("clusterName: '" + clusterName + "' must not be blank");
    }
    if (addresses == null || addresses.isEmpty()) {
      throw new IllegalArgumentException("addresses: need at least one host:port");
    }
    addresses = List.copyOf(addresses);
    for (String a : addresses) {
      if (a == null || !a.matches("[^:\\s]+(:\\d{1,5})?")) {
        throw new IllegalArgumentException("addresses: '" + a + "' is not host or host:port");
      }
    }
    if (connectTimeoutMillis < 1000 || connectTimeoutMillis > 3_600_000) {
      throw new IllegalArgumentException(
          "connectTimeoutMillis: " + connectTimeoutMillis + " is outside 1000..3600000");
    }
  }

  /** A config with the default timeout. */
  public static SwarmClientConfig of(String clusterName, String... addresses) {
    return new SwarmClientConfig(clusterName, List.of(addresses), DEFAULT_CONNECT_TIMEOUT_MILLIS);
  }
}
