package io.swarmgrid.storage.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.genericrecord.GenericRecordBuilder;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The newest outcomes are read by their times first, then only those records: older records are
 * never pulled (issue 13: {@code values()} pulled the whole map).
 */
class DecisionStoreReadsTest {
  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(2);

  private static OutcomeRecord outcome(String id, long at) {
    return new OutcomeRecord(
        id, DecisionType.values()[0], 1, 0.5, new double[] {1.0}, 0.7, 0.8, 3, true, at);
  }

  @Test
  void newestOutcomes_readOnlyThoseRecords_oldestFirst() {
    HazelcastInstance client = cluster.newClient();
    IMap<String, Object> raw = client.getMap(SwarmMap.OUTCOMES.mapName());
    for (int i = 1; i <= 5; i++) {
      raw.set("p" + i, outcome("p" + i, 1000L * i));
    }
    // An old record this code cannot read as an OutcomeRecord (another schema of the type, with
    // the time field): reading it would fail, so a read that succeeds did not pull it.
    raw.set(
        "p0",
        GenericRecordBuilder.compact("swarmgrid.OutcomeRecord")
            .setInt64("reportedAt", 1L)
            .setString("other", "x")
            .build());

    DecisionStore store = new DecisionStore(client);
    assertThat(store.outcomes(3))
        .extracting(OutcomeRecord::proposalId)
        .containsExactly("p3", "p4", "p5");
    assertThat(store.outcomes(0)).isEmpty();
  }
}
