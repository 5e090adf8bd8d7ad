package io.swarmgrid.config;

import static io.swarmgrid.config.internal.Checks.name;
import static io.swarmgrid.config.internal.Checks.range;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Replication across regions ({@code swarmgrid.regions}). Each region is a Hazelcast cluster; this
 * member's region is {@code swarmgrid.node.region}. The replication jobs run when {@code
 * swarmgrid.engines.region} is on.
 *
 * @param peers the other regions by name: cluster name and member addresses
 * @param maps the maps that replicate, by map name; empty means the maps the SwarmGrid catalogue
 *     marks as replicated, to every peer, with {@code default-policy}
 * @param placement home region of data by map and key prefix (where the data is written and
 *     computed on; the router prefers it)
 * @param defaultPolicy conflict policy of maps that name none
 * @param retryInitialMillis first pause before retrying an unreachable region, 10..600000
 * @param retryMaxMillis longest pause between retries (the pause doubles up to it), 10..3600000
 * @param statusIntervalMillis how often each link publishes its status to {@code
 *     swarm.replication}, 100..600000
 * @param resyncAfterMillis a link that could not deliver for this long runs a full sync once the
 *     target is back (the event journal may have overflowed meanwhile), 1000..86400000
 * @param tombstoneTtlSeconds how long a removal is remembered so that an older update cannot bring
 *     the entry back, 1..31536000
 * @param snapshotIntervalMillis Jet snapshot interval of the replication jobs: after a source
 *     member dies, the job resumes from its last snapshot and re-sends what followed it,
 *     100..600000
 */
public record RegionsConfig(
    Map<String, RegionPeer> peers,
    Map<String, ReplicatedMap> maps,
    List<Placement> placement,
    String defaultPolicy,
    long retryInitialMillis,
    long retryMaxMillis,
    long statusIntervalMillis,
    long resyncAfterMillis,
    long tombstoneTtlSeconds,
    long snapshotIntervalMillis) {

  /** The defaults of the bundled {@code swarmgrid-default.yaml}: no peers. */
  public static final RegionsConfig DEFAULTS =
      new RegionsConfig(
          Map.of(), Map.of(), List.of(), "latest-update", 500, 30_000, 1000, 60_000, 86_400, 1000);

  private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+(:\\d{1,5})?");

  /** Validates every field. */
  public RegionsConfig {
    TreeMap<String, RegionPeer> p = new TreeMap<>();
    if (peers != null) {
      for (Map.Entry<String, RegionPeer> e : peers.entrySet()) {
        name("peers", e.getKey());
        if (e.getValue() == null) {
          throw new SwarmConfigException(
              "peers." + e.getKey(), null, "a mapping with cluster-name and addresses");
        }
        p.put(e.getKey(), e.getValue());
      }
    }
    peers = Collections.unmodifiableMap(p);
    defaultPolicy = ConflictPolicy.parse("default-policy", defaultPolicy).key();
    if (ConflictPolicy.CUSTOM.key().equals(defaultPolicy)) {
      throw new SwarmConfigException(
          "default-policy", defaultPolicy, "latest-update, higher-version, pass-through");
    }
    TreeMap<String, ReplicatedMap> m = new TreeMap<>();
    if (maps != null) {
      for (Map.Entry<String, ReplicatedMap> e : maps.entrySet()) {
        name("maps", e.getKey());
        ReplicatedMap rm =
            e.getValue() == null ? new ReplicatedMap(List.of(), null, "") : e.getValue();
        for (int i = 0; i < rm.to().size(); i++) {
          if (!p.containsKey(rm.to().get(i))) {
            throw new SwarmConfigException(
                "maps." + e.getKey() + ".to[" + i + "]",
                rm.to().get(i),
                "a region named under peers: " + p.keySet());
          }
        }
        m.put(e.getKey(), rm);
      }
    }
    maps = Collections.unmodifiableMap(m);
    placement = List.copyOf(placement == null ? List.of() : placement);
    range("retry-initial-millis", retryInitialMillis, 10, 600_000);
    range("retry-max-millis", retryMaxMillis, 10, 3_600_000);
    if (retryMaxMillis < retryInitialMillis) {
      throw new SwarmConfigException(
          "retry-max-millis",
          retryMaxMillis,
          "at least retry-initial-millis (" + retryInitialMillis + ")");
    }
    range("status-interval-millis", statusIntervalMillis, 100, 600_000);
    range("resync-after-millis", resyncAfterMillis, 1000, 86_400_000);
    range("tombstone-ttl-seconds", tombstoneTtlSeconds, 1, 31_536_000);
    range("snapshot-interval-millis", snapshotIntervalMillis, 100, 600_000);
  }

  /** The policy of {@code map}: its own, else {@code default-policy}. */
  public ConflictPolicy policyOf(String map) {
    ReplicatedMap rm = maps.get(map);
    return ConflictPolicy.parse(
        "maps." + map + ".policy", rm == null || rm.policy() == null ? defaultPolicy : rm.policy());
  }

  /** The peers {@code map} replicates to: those it names, else all peers. */
  public Set<String> targetsOf(String map) {
    ReplicatedMap rm = maps.get(map);
    return rm == null || rm.to().isEmpty() ? peers.keySet() : new java.util.TreeSet<>(rm.to());
  }

  /**
   * The home region of {@code key} in {@code map}: the placement with the longest matching key
   * prefix, or empty when no placement names the map.
   */
  public java.util.Optional<String> homeOf(String map, String key) {
    Placement best = null;
    for (Placement p : placement) {
      if (p.map().equals(map)
          && key.startsWith(p.keyPrefix())
          && (best == null || p.keyPrefix().length() > best.keyPrefix().length())) {
        best = p;
      }
    }
    return java.util.Optional.ofNullable(best).map(Placement::home);
  }

  /**
   * Checks what needs this member's region: no peer carries its name, and every placement's home is
   * this region or a peer. Called by {@link SwarmGridConfig}.
   */
  void checkAgainst(String ownRegion) {
    if (peers.containsKey(ownRegion)) {
      throw new SwarmConfigException(
          "peers." + ownRegion,
          ownRegion,
          "other regions only; this member's region (node.region) is " + ownRegion);
    }
    for (int i = 0; i < placement.size(); i++) {
      String home = placement.get(i).home();
      if (!home.equals(ownRegion) && !peers.containsKey(home)) {
        List<String> known = new ArrayList<>(peers.keySet());
        known.add(0, ownRegion);
        throw new SwarmConfigException(
            "placement[" + i + "].home", home, "a known region: " + known);
      }
    }
  }

  /**
   * Another region.
   *
   * @param clusterName the Hazelcast cluster name of that region
   * @param addresses member addresses ({@code host:port}) a client tries, at least one
   */
  public record RegionPeer(String clusterName, List<String> addresses) {
    /** Validates every field. */
    public RegionPeer {
      name("cluster-name", clusterName);
      addresses = List.copyOf(addresses == null ? List.of() : addresses);
      if (addresses.isEmpty()) {
        throw new SwarmConfigException("addresses", "[]", "at least one host:port");
      }
      for (int i = 0; i < addresses.size(); i++) {
        String a = addresses.get(i);
        if (a == null || !ADDRESS.matcher(a).matches()) {
          throw new SwarmConfigException("addresses[" + i + "]", a, "host or host:port");
        }
      }
    }
  }

  /**
   * One replicated map.
   *
   * @param to the peers it replicates to; empty = every peer
   * @param policy conflict policy (null = {@code default-policy})
   * @param mergeClass with policy {@code custom}: a class implementing {@code
   *     io.swarmgrid.tasks.region.RegionMerge}, on every member's class path
   */
  public record ReplicatedMap(List<String> to, String policy, String mergeClass) {
    /** Validates every field. */
    public ReplicatedMap {
      to = List.copyOf(to == null ? List.of() : to);
      mergeClass = mergeClass == null ? "" : mergeClass.trim();
      if (policy != null) {
        ConflictPolicy p = ConflictPolicy.parse("policy", policy);
        policy = p.key();
        if (p == ConflictPolicy.CUSTOM && mergeClass.isEmpty()) {
          throw new SwarmConfigException("merge-class", null, "a class name when policy is custom");
        }
        if (p != ConflictPolicy.CUSTOM && !mergeClass.isEmpty()) {
          throw new SwarmConfigException(
              "merge-class", mergeClass, "empty unless policy is custom");
        }
      } else if (!mergeClass.isEmpty()) {
        throw new SwarmConfigException("merge-class", mergeClass, "empty unless policy is custom");
      }
    }
  }

  /**
   * Where a kind of data lives: entries of {@code map} whose key starts with {@code keyPrefix} are
   * homed in {@code home}.
   *
   * @param map the map name
   * @param keyPrefix key prefix; empty = every key
   * @param home the home region
   */
  public record Placement(String map, String keyPrefix, String home) {
    /** Validates every field. */
    public Placement {
      name("map", map);
      keyPrefix = keyPrefix == null ? "" : keyPrefix;
      name("home", home);
    }
  }
}
