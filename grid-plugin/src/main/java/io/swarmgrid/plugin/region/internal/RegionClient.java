package io.swarmgrid.plugin.region.internal;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.HazelcastClientNotActiveException;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientConnectionStrategyConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.storage.SwarmSerialization;
import java.util.List;
import java.util.UUID;

/**
 * A Hazelcast client to another region whose shutdown never meets a proxy being made. In Hazelcast
 * 5.4 a client's shutdown waits for each proxy still being made and rethrows that making's failure,
 * which is immediate while the client is offline: the shutdown then stops half way, the client's
 * threads go on reconnecting for the life of the JVM, and the exception escapes to whoever shut it
 * down (a member's shutdown, once). So proxies are made under this object's lock, and the shutdown
 * takes the lock before it begins; no proxy is made after it.
 */
final class RegionClient {
  private final HazelcastInstance client;
  private boolean closed;

  /**
   * A client named {@code name} (plus a random suffix) to cluster {@code clusterName} at {@code
   * addresses}: it starts and reconnects in the background, with backoff from {@code
   * retryInitialMillis} to {@code retryMaxMillis}, for as long as it lives.
   */
  RegionClient(
      String name,
      String clusterName,
      List<String> addresses,
      long retryInitialMillis,
      long retryMaxMillis) {
    ClientConfig cc = new ClientConfig();
    cc.setClusterName(clusterName);
    cc.setInstanceName(name + "-" + UUID.randomUUID());
    cc.setProperty("hazelcast.phone.home.enabled", "false");
    addresses.forEach(a -> cc.getNetworkConfig().addAddress(a));
    cc.getConnectionStrategyConfig()
        .setAsyncStart(true)
        .setReconnectMode(ClientConnectionStrategyConfig.ReconnectMode.ASYNC)
        .getConnectionRetryConfig()
        .setInitialBackoffMillis((int) Math.min(Integer.MAX_VALUE, retryInitialMillis))
        .setMaxBackoffMillis((int) Math.min(Integer.MAX_VALUE, retryMaxMillis))
        .setClusterConnectTimeoutMillis(-1);
    SwarmSerialization.register(cc.getSerializationConfig());
    this.client = HazelcastClient.newHazelcastClient(cc);
  }

  /** The map {@code name} of the other region (its proxy is made on first use). */
  synchronized <K, V> IMap<K, V> map(String name) {
    if (closed) {
      throw new HazelcastClientNotActiveException("the client to another region is shut down");
    }
    return client.getMap(name);
  }

  /** Ends the client at once; calls in flight fail. */
  void terminate() {
    close();
    client.getLifecycleService().terminate();
  }

  /** Ends the client once its calls in flight are answered. */
  void shutdown() {
    close();
    client.shutdown();
  }

  private synchronized void close() {
    closed = true;
  }
}
