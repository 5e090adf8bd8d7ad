package io.swarmgrid.storage.runtime;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import com.hazelcast.map.IMap;
import com.hazelcast.map.MapEvent;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryMergedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.map.listener.MapClearedListener;
import com.hazelcast.map.listener.MapEvictedListener;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local copy of a whole map for readers that list it often (an HTTP {@code GET} of every node):
 * fed by the map's entry events, so it is one event's delivery behind the map, and read again whole
 * every {@code reloadEvery} and after this member merges back from a split, so that an event missed
 * while members joined or migrated heals.
 *
 * <p>Why not a Hazelcast query cache: creating one on a member adds a map configuration at run
 * time, and a member started from static (YAML) configuration refuses it. A copy adds none.
 */
public final class MapCopy<K, V> implements AutoCloseable {
  private final IMap<K, V> map;
  private final HazelcastInstance hz;
  private final String owner;
  private final Map<K, V> copy = new ConcurrentHashMap<>();
  private final UUID entryListener;
  private final UUID lifecycleListener;
  private final ScheduledExecutorService reloader;
  private final AtomicInteger reloads = new AtomicInteger();
  // Keys an event changed while a reload was reading the map: the event is newer than the read.
  private volatile Set<K> touchedDuringReload;

  private MapCopy(HazelcastInstance hz, String mapName, Duration reloadEvery, String owner) {
    this.hz = hz;
    this.owner = owner;
    this.map = hz.getMap(mapName);
    // Before the listener: a cleared map's event hands a reload to it.
    this.reloader = SwarmThreads.scheduler(owner + "-reload");
    this.entryListener = map.addEntryListener(new Follower(), true);
    reload();
    long period = Math.max(1, reloadEvery.toMillis());
    reloader.scheduleWithFixedDelay(this::reloadQuietly, period, period, TimeUnit.MILLISECONDS);
    this.lifecycleListener =
        hz.getLifecycleService()
            .addLifecycleListener(
                e -> {
                  if (e.getState() == LifecycleState.MERGED) {
                    reloader.execute(this::reloadQuietly);
                  }
                });
  }

  /**
   * Starts following {@code mapName} on {@code hz} and loads it whole before returning.
   *
   * @param owner names the reload thread and the failures reported through {@link
   *     BackgroundFailures}
   */
  public static <K, V> MapCopy<K, V> follow(
      HazelcastInstance hz, String mapName, Duration reloadEvery, String owner) {
    return new MapCopy<>(hz, mapName, reloadEvery, owner);
  }

  /** The values of the copy (a live view; iterate it, do not keep it). */
  public Collection<V> values() {
    return copy.values();
  }

  /** The value of {@code key} in the copy, or {@code null}. */
  public V get(K key) {
    return copy.get(key);
  }

  /** How many times the copy was read whole (the first load included). */
  public int reloads() {
    return reloads.get();
  }

  /** Reads the map whole and makes the copy equal to it, except where a newer event came in. */
  public synchronized void reload() {
    Set<K> touched = ConcurrentHashMap.newKeySet();
    touchedDuringReload = touched;
    try {
      Map<K, V> now = Map.copyOf(map);
      now.forEach(
          (k, v) -> {
            if (!touched.contains(k)) {
              copy.put(k, v);
            }
          });
      copy.keySet().removeIf(k -> !now.containsKey(k) && !touched.contains(k));
      reloads.incrementAndGet();
    } finally {
      touchedDuringReload = null;
    }
  }

  /** Stops following the map and drops the copy. */
  @Override
  public void close() {
    hz.getLifecycleService().removeLifecycleListener(lifecycleListener);
    if (hz.getLifecycleService().isRunning()) {
      map.removeEntryListener(entryListener);
    }
    reloader.shutdownNow();
    copy.clear();
  }

  private void reloadQuietly() {
    if (!hz.getLifecycleService().isRunning()) {
      return;
    }
    try {
      reload();
    } catch (RuntimeException e) {
      BackgroundFailures.report(owner, "reading " + map.getName() + " whole", e);
    }
  }

  private void touch(K key) {
    Set<K> touched = touchedDuringReload;
    if (touched != null) {
      touched.add(key);
    }
  }

  private final class Follower
      implements EntryAddedListener<K, V>,
          EntryUpdatedListener<K, V>,
          EntryMergedListener<K, V>,
          EntryRemovedListener<K, V>,
          EntryExpiredListener<K, V>,
          EntryEvictedListener<K, V>,
          MapClearedListener,
          MapEvictedListener {
    @Override
    public void entryAdded(EntryEvent<K, V> e) {
      put(e);
    }

    @Override
    public void entryUpdated(EntryEvent<K, V> e) {
      put(e);
    }

    @Override
    public void entryMerged(EntryEvent<K, V> e) {
      put(e);
    }

    @Override
    public void entryRemoved(EntryEvent<K, V> e) {
      remove(e);
    }

    @Override
    public void entryExpired(EntryEvent<K, V> e) {
      remove(e);
    }

    @Override
    public void entryEvicted(EntryEvent<K, V> e) {
      remove(e);
    }

    @Override
    public void mapCleared(MapEvent e) {
      reloader.execute(MapCopy.this::reloadQuietly);
    }

    @Override
    public void mapEvicted(MapEvent e) {
      reloader.execute(MapCopy.this::reloadQuietly);
    }

    private void put(EntryEvent<K, V> e) {
      touch(e.getKey());
      if (e.getValue() != null) {
        copy.put(e.getKey(), e.getValue());
      }
    }

    private void remove(EntryEvent<K, V> e) {
      touch(e.getKey());
      copy.remove(e.getKey());
    }
  }
}
