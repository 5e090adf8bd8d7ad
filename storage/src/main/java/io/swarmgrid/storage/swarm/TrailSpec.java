package io.swarmgrid.storage.swarm;

/**
 * How one pheromone trail behaves.
 *
 * @param evaporation rate ρ per time unit ({@code timeUnitMillis} of the callers' clock): a value I
 *     stored at t reads at {@code now} as I·e^(−ρ(now−t)/timeUnitMillis)
 * @param floor intensities that decay below it expire (read as {@link #min}, removed on the next
 *     write)
 * @param min lower bound of a read intensity (MAX–MIN ant systems' τmin); 0 for none
 * @param max upper bound of an intensity after a deposit (τmax); {@code Double.MAX_VALUE} for none
 * @param maxKeys at most this many keys live in the trail; a deposit that would exceed it is
 *     refused whole
 * @param timeUnitMillis how many milliseconds one unit of ρ spans; 1000 for ρ per second, 1 for a
 *     logical clock (iterations) passed as {@code now}
 */
public record TrailSpec(
    double evaporation, double floor, double min, double max, int maxKeys, long timeUnitMillis) {

  /** Default bound on keys per trail. */
  public static final int DEFAULT_MAX_KEYS = 100_000;

  /** Checks every field; a bad one is named with its value. */
  public TrailSpec {
    require(evaporation >= 0 && Double.isFinite(evaporation), "evaporation", evaporation);
    require(floor >= 0 && Double.isFinite(floor), "floor", floor);
    require(min >= 0 && Double.isFinite(min), "min", min);
    require(max > 0 && max >= min && !Double.isNaN(max), "max", max);
    if (maxKeys < 1) {
      throw new IllegalArgumentException("maxKeys must be at least 1: " + maxKeys);
    }
    if (timeUnitMillis < 1) {
      throw new IllegalArgumentException("timeUnitMillis must be at least 1: " + timeUnitMillis);
    }
  }

  /** Evaporation ρ per second, no bounds but a floor of 1e-9, {@link #DEFAULT_MAX_KEYS} keys. */
  public static TrailSpec perSecond(double evaporation) {
    return new TrailSpec(evaporation, 1e-9, 0, Double.MAX_VALUE, DEFAULT_MAX_KEYS, 1000);
  }

  /** A copy with MAX–MIN bounds. */
  public TrailSpec withBounds(double min, double max) {
    return new TrailSpec(evaporation, floor, min, max, maxKeys, timeUnitMillis);
  }

  /** A copy with another expiry floor. */
  public TrailSpec withFloor(double floor) {
    return new TrailSpec(evaporation, floor, min, max, maxKeys, timeUnitMillis);
  }

  /** A copy bounded to {@code maxKeys} keys. */
  public TrailSpec withMaxKeys(int maxKeys) {
    return new TrailSpec(evaporation, floor, min, max, maxKeys, timeUnitMillis);
  }

  /** A copy whose time unit spans {@code millis} of the callers' clock. */
  public TrailSpec withTimeUnitMillis(long millis) {
    return new TrailSpec(evaporation, floor, min, max, maxKeys, millis);
  }

  /** e^(−ρΔt) for {@code elapsed} of the callers' clock; 1 when the clock went backwards. */
  public double decayFactor(long elapsed) {
    if (elapsed <= 0) {
      return 1.0;
    }
    return Math.exp(-evaporation * ((double) elapsed / timeUnitMillis));
  }

  private static void require(boolean ok, String field, double value) {
    if (!ok) {
      throw new IllegalArgumentException("invalid trail " + field + ": " + value);
    }
  }
}
