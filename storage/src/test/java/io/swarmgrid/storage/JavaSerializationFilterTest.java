package io.swarmgrid.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Members refuse to Java-deserialize a class outside their whitelist: a client's task or entry
 * processor of such a class fails with Hazelcast's "Resolving class ... is not allowed", never runs
 * and changes nothing.
 */
class JavaSerializationFilterTest {
  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(2);

  static final AtomicBoolean RAN = new AtomicBoolean();

  /** Stands for any gadget a client could send: a Serializable class not on the whitelist. */
  static final class Gadget implements Callable<String>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public String call() {
      RAN.set(true);
      return "ran";
    }
  }

  static final class GadgetProcessor implements EntryProcessor<String, String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String process(Map.Entry<String, String> entry) {
      RAN.set(true);
      entry.setValue("changed");
      return "ran";
    }
  }

  @Test
  void executorTask_ofAClassOffTheWhitelist_isRefused_andNeverRuns() {
    HazelcastInstance client = cluster.newClient();
    assertThatThrownBy(
            () ->
                client
                    .getExecutorService("filter-test")
                    .submitToMember(new Gadget(), cluster.member(0).getCluster().getLocalMember())
                    .get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("Resolving class " + Gadget.class.getName() + " is not allowed");
    assertThat(RAN).isFalse();
  }

  @Test
  void entryProcessor_ofAClassOffTheWhitelist_isRefused_andChangesNothing() {
    HazelcastInstance client = cluster.newClient();
    IMap<String, String> map = client.getMap("filter-test");
    map.put("k", "v");
    assertThatThrownBy(() -> map.executeOnKey("k", new GadgetProcessor()))
        .hasMessageContaining(
            "Resolving class " + GadgetProcessor.class.getName() + " is not allowed");
    assertThat(map.get("k")).isEqualTo("v");
    assertThat(RAN).isFalse();
  }

  @Test
  void memberFilter_allowsHazelcastAndJava_andOnlySwarmGridPackagesThatNeedIt() {
    var filter = SwarmSerialization.javaSerializationFilter();
    assertThat(filter.isDefaultsDisabled()).as("Hazelcast's own defaults stay on").isFalse();
    assertThat(filter.getWhitelist().getPackages()).doesNotContain("io.swarmgrid.storage");
    assertThat(
            cluster
                .member(0)
                .getConfig()
                .getSerializationConfig()
                .getJavaSerializationFilterConfig())
        .isNotNull();
  }
}
