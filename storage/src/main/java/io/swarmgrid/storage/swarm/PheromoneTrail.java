package io.swarmgrid.storage.swarm;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A named trail of keyed intensities, the value of {@code swarm.pheromones} under its name.
 * Evaporation is computed on read from each key's stored time, so nothing rewrites the trail on a
 * timer. Immutable: a deposit returns a new trail.
 *
 * @param name the trail's name (its key in the map)
 * @param spec evaporation, floor, MAX–MIN bounds and key bound
 * @param entries key to its last deposit
 */
public record PheromoneTrail(String name, TrailSpec spec, Map<String, TrailEntry> entries) {

  /** Copies the entries (insertion order kept). */
  public PheromoneTrail {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(spec, "spec");
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  /** An empty trail. */
  public static PheromoneTrail empty(String name, TrailSpec spec) {
    return new PheromoneTrail(name, spec, Map.of());
  }

  /**
   * The intensity of {@code key} at {@code now}: the stored value decayed, within [min, max]; the
   * trail's min when the key is absent or has decayed below the floor.
   */
  public double intensity(String key, long now) {
    TrailEntry e = entries.get(key);
    if (e == null) {
      return spec.min();
    }
    double raw = decayed(e, now);
    return raw < spec.floor() ? spec.min() : bounded(raw);
  }

  /** The intensities of many keys at {@code now}, in the order given. */
  public Map<String, Double> intensities(Collection<String> keys, long now) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String k : keys) {
      out.put(k, intensity(k, now));
    }
    return out;
  }

  /** Keys whose decayed intensity is still at or above the floor at {@code now}. */
  public int liveKeys(long now) {
    int n = 0;
    for (TrailEntry e : entries.values()) {
      if (decayed(e, now) >= spec.floor()) {
        n++;
      }
    }
    return n;
  }

  /**
   * Adds each amount to its key's decayed intensity (a missing or expired key starts from min),
   * bounds the result to [min, max] and stamps it {@code now}; expired keys are dropped.
   *
   * @throws IllegalArgumentException naming the key and amount if an amount is negative or not
   *     finite, or naming the trail and its bound if the trail would hold more than {@code maxKeys}
   *     keys; nothing is deposited then
   */
  public PheromoneTrail deposit(Map<String, Double> amounts, long now) {
    for (Map.Entry<String, Double> a : amounts.entrySet()) {
      double v = a.getValue() == null ? Double.NaN : a.getValue();
      if (a.getKey() == null || !(v >= 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException(
            "invalid deposit on trail " + name + ": key " + a.getKey() + " amount " + a.getValue());
      }
    }
    Map<String, TrailEntry> next = liveEntries(now);
    for (Map.Entry<String, Double> a : amounts.entrySet()) {
      TrailEntry e = next.get(a.getKey());
      double base = e == null ? spec.min() : Math.max(spec.min(), decayed(e, now));
      next.put(a.getKey(), new TrailEntry(bounded(base + a.getValue()), now));
    }
    checkBound(next.size());
    return new PheromoneTrail(name, spec, next);
  }

  /**
   * The trail with exactly {@code keys}, each at {@code value} (bounded) stamped {@code now}: the
   * re-initialisation MAX–MIN ant systems do on stagnation.
   *
   * @throws IllegalArgumentException if the value is negative or not finite, or if there are more
   *     keys than the trail's bound
   */
  public PheromoneTrail fill(Collection<String> keys, double value, long now) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException("invalid fill value on trail " + name + ": " + value);
    }
    Map<String, TrailEntry> next = new LinkedHashMap<>();
    for (String k : keys) {
      next.put(k, new TrailEntry(bounded(value), now));
    }
    checkBound(next.size());
    return new PheromoneTrail(name, spec, next);
  }

  private Map<String, TrailEntry> liveEntries(long now) {
    Map<String, TrailEntry> live = new LinkedHashMap<>();
    for (Map.Entry<String, TrailEntry> e : entries.entrySet()) {
      if (decayed(e.getValue(), now) >= spec.floor()) {
        live.put(e.getKey(), e.getValue());
      }
    }
    return live;
  }

  private void checkBound(int size) {
    if (size > spec.maxKeys()) {
      throw new IllegalArgumentException(
          "trail "
              + name
              + " would hold "
              + size
              + " keys, over its bound maxKeys="
              + spec.maxKeys()
              + "; nothing deposited");
    }
  }

  private double decayed(TrailEntry e, long now) {
    return e.intensity() * spec.decayFactor(now - e.at());
  }

  private double bounded(double v) {
    return Math.min(spec.max(), Math.max(spec.min(), v));
  }
}
