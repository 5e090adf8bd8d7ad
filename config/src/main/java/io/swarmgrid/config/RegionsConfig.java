package io.swarmgrid.config;

import static io.swarmgrid.config.internal.Checks.name;
import static io.swarmgrid.config.internal.Checks.range;
import static io.swarmgrid.config.internal.Checks.required;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Replication across regions ({@code swarmgrid.regions}). Each region is a Hazelcast cluster; this
 * member's region is {@code swarmgrid.node.region}. The replication jobs run when {@code
 * swarmgrid.engines.region} is on.
 *
 * <p>Over 300 lines on purpose: the record and its builder (one checked setter per key) belong
 * together.
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
    defaultPolicy = checkDefaultPolicy("default-policy", defaultPolicy);
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

  private static String checkDefaultPolicy(String key, String value) {
    String policy = ConflictPolicy.parse(key, value).key();
    if (ConflictPolicy.CUSTOM.key().equals(policy)) {
      throw new SwarmConfigException(key, policy, "latest-update, higher-version, pass-through");
    }
    return policy;
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

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder(DEFAULTS);
  }

  /** A builder starting from {@code base}. */
  public static Builder from(RegionsConfig base) {
    return new Builder(Objects.requireNonNull(base, "base"));
  }

  /** The defaults (the same as {@link #DEFAULTS}). */
  public static RegionsConfig ofDefaults() {
    return DEFAULTS;
  }

  /**
   * Builds a {@link RegionsConfig}; each setter rejects a bad value at once, {@link #build} checks
   * the keys that depend on each other.
   */
  public static final class Builder {
    private static final String PATH = "swarmgrid.regions";

    private Map<String, RegionPeer> peers;
    private Map<String, ReplicatedMap> maps;
    private List<Placement> placement;
    private String defaultPolicy;
    private long retryInitialMillis;
    private long retryMaxMillis;
    private long statusIntervalMillis;
    private long resyncAfterMillis;
    private long tombstoneTtlSeconds;
    private long snapshotIntervalMillis;

    private Builder(RegionsConfig c) {
      peers = new TreeMap<>(c.peers);
      maps = new TreeMap<>(c.maps);
      placement = c.placement;
      defaultPolicy = c.defaultPolicy;
      retryInitialMillis = c.retryInitialMillis;
      retryMaxMillis = c.retryMaxMillis;
      statusIntervalMillis = c.statusIntervalMillis;
      resyncAfterMillis = c.resyncAfterMillis;
      tombstoneTtlSeconds = c.tombstoneTtlSeconds;
      snapshotIntervalMillis = c.snapshotIntervalMillis;
    }

    /** The other regions by name: cluster name and member addresses. */
    public Builder peers(Map<String, RegionPeer> peers) {
      TreeMap<String, RegionPeer> checked = new TreeMap<>();
      required(PATH + ".peers", peers, "a mapping of region names")
          .forEach((name, peer) -> checked.put(peerName(name), checkedPeer(name, peer)));
      this.peers = checked;
      return this;
    }

    /** Adds (or replaces) the peer region {@code name}. */
    public Builder peer(String name, RegionPeer peer) {
      peers.put(peerName(name), checkedPeer(name, peer));
      return this;
    }

    private static String peerName(String name) {
      return name(PATH + ".peers", name);
    }

    private static RegionPeer checkedPeer(String name, RegionPeer peer) {
      return required(PATH + ".peers." + name, peer, "a mapping with cluster-name and addresses");
    }

    /**
     * The maps that replicate, by map name; empty means the maps the SwarmGrid catalogue marks as
     * replicated, to every peer, with {@code default-policy}.
     */
    public Builder maps(Map<String, ReplicatedMap> maps) {
      TreeMap<String, ReplicatedMap> checked = new TreeMap<>();
      required(PATH + ".maps", maps, "a mapping of map names")
          .forEach((name, map) -> checked.put(mapName(name), checkedMap(name, map)));
      this.maps = checked;
      return this;
    }

    /**
     * Adds (or replaces) the replicated map {@code name}; the peers it names are checked by {@link
     * #build}.
     */
    public Builder map(String name, ReplicatedMap map) {
      maps.put(mapName(name), checkedMap(name, map));
      return this;
    }

    private static String mapName(String name) {
      return name(PATH + ".maps", name);
    }

    private static ReplicatedMap checkedMap(String name, ReplicatedMap map) {
      return required(PATH + ".maps." + name, map, "a replicated map (to, policy, merge-class)");
    }

    /**
     * Home region of data by map and key prefix (where the data is written and computed on; the
     * router prefers it).
     */
    public Builder placement(List<Placement> placement) {
      this.placement = List.copyOf(required(PATH + ".placement", placement, "a list"));
      return this;
    }

    /** Conflict policy of maps that name none. */
    public Builder defaultPolicy(String defaultPolicy) {
      this.defaultPolicy = checkDefaultPolicy(PATH + ".default-policy", defaultPolicy);
      return this;
    }

    /** First pause before retrying an unreachable region, 10..600000. */
    public Builder retryInitialMillis(long retryInitialMillis) {
      this.retryInitialMillis =
          range(PATH + ".retry-initial-millis", retryInitialMillis, 10, 600_000);
      return this;
    }

    /** Longest pause between retries (the pause doubles up to it), 10..3600000. */
    public Builder retryMaxMillis(long retryMaxMillis) {
      this.retryMaxMillis = range(PATH + ".retry-max-millis", retryMaxMillis, 10, 3_600_000);
      return this;
    }

    /** How often each link publishes its status to {@code swarm.replication}, 100..600000. */
    public Builder statusIntervalMillis(long statusIntervalMillis) {
      this.statusIntervalMillis =
          range(PATH + ".status-interval-millis", statusIntervalMillis, 100, 600_000);
      return this;
    }

    /**
     * A link that could not deliver for this long runs a full sync once the target is back (the
     * event journal may have overflowed meanwhile), 1000..86400000.
     */
    public Builder resyncAfterMillis(long resyncAfterMillis) {
      this.resyncAfterMillis =
          range(PATH + ".resync-after-millis", resyncAfterMillis, 1000, 86_400_000);
      return this;
    }

    /**
     * How long a removal is remembered so that an older update cannot bring the entry back,
     * 1..31536000.
     */
    public Builder tombstoneTtlSeconds(long tombstoneTtlSeconds) {
      this.tombstoneTtlSeconds =
          range(PATH + ".tombstone-ttl-seconds", tombstoneTtlSeconds, 1, 31_536_000);
      return this;
    }

    /**
     * Jet snapshot interval of the replication jobs: after a source member dies, the job resumes
     * from its last snapshot and re-sends what followed it, 100..600000.
     */
    public Builder snapshotIntervalMillis(long snapshotIntervalMillis) {
      this.snapshotIntervalMillis =
          range(PATH + ".snapshot-interval-millis", snapshotIntervalMillis, 100, 600_000);
      return this;
    }

    /** The config; a bad combination of keys is refused naming the key and the value. */
    public RegionsConfig build() {
      try {
        return new RegionsConfig(
            peers,
            maps,
            placement,
            defaultPolicy,
            retryInitialMillis,
            retryMaxMillis,
            statusIntervalMillis,
            resyncAfterMillis,
            tombstoneTtlSeconds,
            snapshotIntervalMillis);
      } catch (SwarmConfigException e) {
        throw e.under(PATH, "");
      }
    }
  }
}
