package io.swarmgrid.storage.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pheromone trails on two real members, used from a client. */
class PheromoneMapTest {
  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(2);

  @Test
  void depositsDecayOnRead_andManyKeysAreReadInOneCall() {
    HazelcastInstance client = cluster.newClient();
    PheromoneMap trails = new PheromoneMap(client);
    TrailSpec spec = TrailSpec.perSecond(0.5).withBounds(0.1, 5);
    trails.create("tsp", spec);
    trails.create("tsp", spec);
    assertThat(trails.deposit("tsp", Map.of("1-2", 2.0, "2-3", 9.0), 1_000)).isEqualTo(2);
    trails.deposit("tsp", Map.of("1-2", 1.0), 3_000);

    Map<String, Double> read = trails.read("tsp", List.of("1-2", "2-3", "3-4"), 3_000);
    assertThat(read.get("1-2"))
        .as("starts from min")
        .isCloseTo((0.1 + 2.0) * Math.exp(-1.0) + 1.0, within(1e-12));
    assertThat(read.get("2-3"))
        .as("capped at max, then decayed")
        .isCloseTo(5 * Math.exp(-1.0), within(1e-12));
    assertThat(read.get("3-4")).as("absent reads as min").isEqualTo(0.1);
    assertThat(new PheromoneMap(cluster.member(1)).read("tsp", List.of("1-2"), 3_000))
        .isEqualTo(Map.of("1-2", read.get("1-2")));
  }

  @Test
  void badInput_isRefusedAndNothingChanges() {
    HazelcastInstance client = cluster.newClient();
    PheromoneMap trails = new PheromoneMap(client);
    trails.create("small", TrailSpec.perSecond(0.1).withMaxKeys(2));
    trails.deposit("small", Map.of("a", 1.0, "b", 1.0), 0);
    PheromoneTrail before = trails.snapshot("small").orElseThrow();

    assertThatThrownBy(() -> trails.deposit("small", Map.of("c", 1.0), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trail small")
        .hasMessageContaining("maxKeys=2");
    assertThatThrownBy(() -> trails.deposit("small", Map.of("a", Double.NaN), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key a");
    assertThatThrownBy(() -> trails.create("small", TrailSpec.perSecond(0.2)))
        .hasMessageContaining("small")
        .hasMessageContaining("exists");
    assertThatThrownBy(() -> trails.deposit("none", Map.of("a", 1.0), 0))
        .hasMessageContaining("no pheromone trail named none");
    assertThat(trails.snapshot("small")).contains(before);
    assertThat(trails.snapshot("none")).isEmpty();
  }
}
