package io.swarmgrid.plugin.region.internal;

import com.hazelcast.config.EventJournalConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.RegionsConfig;
import io.swarmgrid.config.SwarmConfigException;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.storage.SwarmMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The replication links a region's config asks for, and the journals they need. */
public final class LinkPlanner {
  private LinkPlanner() {}

  /**
   * The replication links of a config, after checking that every {@code swarm.*} map it names is in
   * the SwarmGrid catalogue (a misspelt catalogue map would otherwise replicate nothing, silently).
   */
  public static List<Link> plan(SwarmGridConfig config) {
    RegionsConfig regions = config.regions();
    Set<String> catalogue =
        Arrays.stream(SwarmMap.values()).map(SwarmMap::mapName).collect(Collectors.toSet());
    Set<String> maps = new TreeSet<>();
    if (regions.maps().isEmpty()) {
      Arrays.stream(SwarmMap.values())
          .filter(SwarmMap::replicated)
          .forEach(m -> maps.add(m.mapName()));
    } else {
      for (String m : regions.maps().keySet()) {
        if (m.startsWith("swarm.") && !catalogue.contains(m)) {
          throw new SwarmConfigException(
              "swarmgrid.regions.maps." + m,
              m,
              "a SwarmGrid map "
                  + new TreeSet<>(catalogue)
                  + " or a map outside the swarm. prefix");
        }
        maps.add(m);
      }
    }
    for (int i = 0; i < regions.placement().size(); i++) {
      String m = regions.placement().get(i).map();
      if (m.startsWith("swarm.") && !catalogue.contains(m)) {
        throw new SwarmConfigException(
            "swarmgrid.regions.placement[" + i + "].map",
            m,
            "a SwarmGrid map " + new TreeSet<>(catalogue) + " or a map outside the swarm. prefix");
      }
    }
    List<Link> out = new ArrayList<>();
    for (String m : maps) {
      for (String target : regions.targetsOf(m)) {
        out.add(Link.of(m, config.node().region(), target, regions));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Replication reads the event journal, and the latest-update clock reads each entry's update
   * time: a user map without them gets them (before its first use).
   */
  public static void ensureJournal(HazelcastInstance hz, String map, SwarmGridConfig config) {
    MapConfig existing = hz.getConfig().findMapConfig(map);
    if (existing.getEventJournalConfig().isEnabled() && existing.isPerEntryStatsEnabled()) {
      return;
    }
    MapConfig withJournal = new MapConfig(existing).setName(map).setPerEntryStatsEnabled(true);
    if (!existing.getEventJournalConfig().isEnabled()) {
      withJournal.setEventJournalConfig(
          new EventJournalConfig()
              .setEnabled(true)
              .setCapacity(config.storage().eventJournalCapacity()));
    }
    try {
      hz.getConfig().addMapConfig(withJournal);
    } catch (RuntimeException e) {
      throw new SwarmConfigException(
          "swarmgrid.regions.maps." + map,
          map,
          "a map with an event journal and per-entry stats (configure event-journal and per-entry-stats-enabled for it in hazelcast.yaml): "
              + e.getMessage(),
          e);
    }
  }
}
