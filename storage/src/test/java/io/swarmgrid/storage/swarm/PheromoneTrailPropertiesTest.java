package io.swarmgrid.storage.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Property tests of the pheromone arithmetic over many random trails drawn from fixed seeds (a
 * failure repeats and names its seed): decay on read, deposit after decay, MAX–MIN bounds, expiry
 * below the floor, and the key bound.
 */
class PheromoneTrailPropertiesTest {
  private static final int CASES = 500;

  private static void forAll(String name, Consumer<Random> property) {
    for (int c = 0; c < CASES; c++) {
      long seed = name.hashCode() * 31L + c;
      try {
        property.accept(new Random(seed));
      } catch (AssertionError e) {
        throw new AssertionError(
            name + " fails for case " + c + " (seed " + seed + "): " + e.getMessage(), e);
      }
    }
  }

  private static TrailSpec randomSpec(Random r) {
    return TrailSpec.perSecond(r.nextDouble() * 2).withFloor(0).withTimeUnitMillis(1000);
  }

  @Test
  void readDecaysExponentiallyFromTheStoredTime() {
    forAll(
        "decay",
        r -> {
          TrailSpec spec = randomSpec(r);
          double amount = 0.01 + r.nextDouble() * 100;
          long t0 = r.nextInt(1_000_000);
          long dt = r.nextInt(20_000);
          PheromoneTrail t = PheromoneTrail.empty("t", spec).deposit(Map.of("a", amount), t0);
          double expected = amount * Math.exp(-spec.evaporation() * dt / 1000.0);
          assertThat(t.intensity("a", t0 + dt)).isCloseTo(expected, within(1e-9 * amount));
          // Reading changes nothing: the same read later decays from the same stored time.
          assertThat(t.entries().get("a")).isEqualTo(new TrailEntry(amount, t0));
        });
  }

  @Test
  void depositAddsToTheDecayedValue() {
    forAll(
        "deposit after decay",
        r -> {
          TrailSpec spec = randomSpec(r);
          double a1 = r.nextDouble() * 10;
          double a2 = r.nextDouble() * 10;
          long t1 = r.nextInt(1000);
          long t2 = t1 + r.nextInt(10_000);
          PheromoneTrail t =
              PheromoneTrail.empty("t", spec)
                  .deposit(Map.of("k", a1), t1)
                  .deposit(Map.of("k", a2), t2);
          double expected = a1 * Math.exp(-spec.evaporation() * (t2 - t1) / 1000.0) + a2;
          assertThat(t.intensity("k", t2)).isCloseTo(expected, within(1e-9));
          assertThat(t.entries().get("k").at()).isEqualTo(t2);
        });
  }

  @Test
  void readsAndDepositsStayWithinMinAndMax() {
    forAll(
        "max-min",
        r -> {
          double min = r.nextDouble();
          double max = min + 0.1 + r.nextDouble() * 5;
          TrailSpec spec = randomSpec(r).withBounds(min, max);
          PheromoneTrail t = PheromoneTrail.empty("t", spec);
          long now = 0;
          for (int i = 0; i < 20; i++) {
            now += r.nextInt(5000);
            t = t.deposit(Map.of("k" + r.nextInt(4), r.nextDouble() * 3 * max), now);
            for (String k : List.of("k0", "k1", "k2", "k3", "absent")) {
              assertThat(t.intensity(k, now + r.nextInt(100_000))).isBetween(min, max);
            }
          }
        });
  }

  @Test
  void keysDecayedBelowTheFloorExpire() {
    forAll(
        "expiry",
        r -> {
          double floor = 0.01 + r.nextDouble();
          TrailSpec spec = TrailSpec.perSecond(0.1 + r.nextDouble()).withFloor(floor);
          double amount = floor * (1 + r.nextDouble() * 10);
          PheromoneTrail t = PheromoneTrail.empty("t", spec).deposit(Map.of("old", amount), 0);
          // The time at which the old key crosses the floor, and a moment after it.
          long crossing = (long) Math.ceil(1000 * Math.log(amount / floor) / spec.evaporation());
          long later = crossing + 1 + r.nextInt(10_000);
          assertThat(t.intensity("old", later)).isZero();
          assertThat(t.liveKeys(later)).isZero();
          PheromoneTrail next = t.deposit(Map.of("new", amount), later);
          assertThat(next.entries()).containsOnlyKeys("new");
        });
  }

  @Test
  void aDepositOverTheKeyBound_isRefusedWhole() {
    forAll(
        "bound",
        r -> {
          int bound = 1 + r.nextInt(10);
          TrailSpec spec = TrailSpec.perSecond(0.01).withMaxKeys(bound);
          PheromoneTrail t = PheromoneTrail.empty("t", spec);
          for (int i = 0; i < bound; i++) {
            t = t.deposit(Map.of("k" + i, 1.0), i);
          }
          PheromoneTrail full = t;
          assertThatThrownBy(() -> full.deposit(Map.of("k0", 1.0, "extra", 1.0), bound))
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining("maxKeys=" + bound);
          assertThat(full.entries()).hasSize(bound);
        });
  }

  @Test
  void badInput_namesTheFieldAndValue() {
    assertThatThrownBy(() -> TrailSpec.perSecond(-1))
        .hasMessageContaining("evaporation")
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> TrailSpec.perSecond(1).withBounds(2, 1))
        .hasMessageContaining("max")
        .hasMessageContaining("1.0");
    PheromoneTrail t = PheromoneTrail.empty("t", TrailSpec.perSecond(1));
    assertThatThrownBy(() -> t.deposit(Map.of("k", -2.0), 0))
        .hasMessageContaining("key k")
        .hasMessageContaining("-2.0");
  }
}
