package io.swarmgrid.storage;

import com.hazelcast.config.Config;
import com.hazelcast.config.EventJournalConfig;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MergePolicyConfig;
import io.swarmgrid.config.StorageConfig;
import java.util.ArrayList;
import java.util.List;

/** Builds the Hazelcast map configs of the {@link SwarmMap} catalogue. */
public final class SwarmMaps {
  private SwarmMaps() {}

  /** One {@link MapConfig} per catalogue entry, with backups, journal, bounds and merge policy. */
  public static List<MapConfig> mapConfigs(StorageConfig storage) {
    List<MapConfig> configs = new ArrayList<>();
    for (SwarmMap map : SwarmMap.values()) {
      configs.add(mapConfig(map, storage));
    }
    return configs;
  }

  /** The {@link MapConfig} of one map. */
  public static MapConfig mapConfig(SwarmMap map, StorageConfig storage) {
    MapConfig c = new MapConfig(map.mapName());
    c.setBackupCount(storage.backupCount());
    c.setMergePolicyConfig(
        new MergePolicyConfig(map.mergePolicy(), MergePolicyConfig.DEFAULT_BATCH_SIZE));
    // Latest-update merging needs the entries' update times.
    c.setPerEntryStatsEnabled(true);
    if (map.replicated()) {
      c.setEventJournalConfig(
          new EventJournalConfig().setEnabled(true).setCapacity(storage.eventJournalCapacity()));
    }
    if (map == SwarmMap.VOTES) {
      // The consensus sweeper looks up decided and expired tallies of its own partitions.
      c.addIndexConfig(new IndexConfig(IndexType.HASH, "status"));
      c.addIndexConfig(new IndexConfig(IndexType.SORTED, "deadline"));
    }
    if (map == SwarmMap.WORK) {
      // Recovery and load look up the items each node holds.
      c.addIndexConfig(new IndexConfig(IndexType.HASH, "ownerNode"));
    }
    if (map == SwarmMap.DIFFUSION_SHARES) {
      // Claims and votes run as entry processors many times per chunk: keep the chunks as objects.
      c.setInMemoryFormat(com.hazelcast.config.InMemoryFormat.OBJECT);
    }
    switch (map.bound()) {
      case TTL -> c.setMaxIdleSeconds(storage.pheromoneTtlSeconds());
      case ENTRY_LIMIT,
          PER_ENTRY_TTL,
          NONE_ONE_PER_NODE,
          VERSIONS_PER_OWNER,
          REFUSED_OVER_LIMIT,
          OLDEST_REMOVED,
          COLLECTED -> {
        // Bounded by the writer: see SwarmMap.Bound.
      }
    }
    return c;
  }

  /**
   * Adds the catalogue's map configs to a member config. On a running member call it before the
   * maps are first used (Hazelcast accepts new map configs at run time; an identical config already
   * present is accepted again).
   */
  public static void addTo(Config config, StorageConfig storage) {
    for (MapConfig c : mapConfigs(storage)) {
      config.addMapConfig(c);
    }
  }
}
