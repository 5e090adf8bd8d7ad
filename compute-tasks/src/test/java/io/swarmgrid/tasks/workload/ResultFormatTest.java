package io.swarmgrid.tasks.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Workload results travel as Compact records: through a member they come back equal (diffusion
 * votes compare copies with {@code equals}), and a client without SwarmGrid classes reads them.
 */
class ResultFormatTest {
  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(1);

  static final LogReport REPORT =
      new LogReport(
          5,
          Map.of("INFO", 3L, "WARN", 2L),
          Map.of("sshd", 5L),
          Map.of("a <*>", 4L, "rare <*>", 1L),
          Map.of("rare <*>", List.of("rare 1", "rare 2")));

  static final SearchIndex INDEX =
      new SearchIndex(
          Map.of("swarm", Map.of("d1", 2, "d2", 1), "grid", Map.of("d2", 3)),
          Map.of("d1", 2, "d2", 4));

  @Test
  void results_comeBackEqual_throughAMember() {
    IMap<String, Serializable> map = cluster.newClient().getMap("results");
    WordCounts counts = new WordCounts(Map.of("swarm", 2L, "grid", 1L));
    map.put("wc", counts);
    map.put("log", REPORT);
    map.put("index", INDEX);
    // Read on the member, which deserializes what the client wrote.
    IMap<String, Serializable> onMember = cluster.member(0).getMap("results");
    assertThat(onMember.get("wc")).isEqualTo(counts);
    assertThat(onMember.get("log")).isEqualTo(REPORT);
    assertThat(onMember.get("index")).isEqualTo(INDEX);
  }

  @Test
  void results_areGenericRecords_forAClientWithoutSwarmGridClasses() {
    cluster.member(0).getMap("results").put("log", REPORT);
    cluster.member(0).getMap("results").put("index", INDEX);
    ClientConfig plain = new ClientConfig().setClusterName(cluster.clusterName());
    plain.getNetworkConfig().setAddresses(cluster.clientConfig().getNetworkConfig().getAddresses());
    HazelcastInstance foreign = cluster.newClient(plain);
    GenericRecord log = (GenericRecord) foreign.getMap("results").get("log");
    assertThat(log.getInt64("lines")).isEqualTo(5);
    assertThat(log.getArrayOfString("levelsKeys")).containsExactly("INFO", "WARN");
    assertThat(log.getArrayOfString("sampleLines")).containsExactly("rare 1", "rare 2");
    GenericRecord index = (GenericRecord) foreign.getMap("results").get("index");
    assertThat(index.getArrayOfString("terms")).containsExactly("grid", "swarm");
    assertThat(index.getArrayOfInt32("termDocCounts")).containsExactly(1, 2);
    assertThat(index.getArrayOfString("postingDocs")).containsExactly("d2", "d1", "d2");
  }
}
