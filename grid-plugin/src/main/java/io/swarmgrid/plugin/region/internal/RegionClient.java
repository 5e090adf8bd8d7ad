package io.swarmgrid.plugin.region.internal;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.HazelcastClientNotActiveException;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

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

  RegionClient(ClientConfig config) {
    this.client = HazelcastClient.newHazelcastClient(config);
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
