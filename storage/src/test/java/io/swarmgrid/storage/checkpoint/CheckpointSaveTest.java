package io.swarmgrid.storage.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import com.hazelcast.nio.serialization.genericrecord.GenericRecordBuilder;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Saving a checkpoint reads the owner's version numbers, not its kept snapshots (issue 13). */
class CheckpointSaveTest {
  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(2);

  @Test
  void save_readsNoKeptSnapshot_evenOneThatCannotBeRead() {
    HazelcastInstance client = cluster.newClient();
    CheckpointStore store = new CheckpointStore(client, 1024, 3);
    store.save("model-x", "v1".getBytes(StandardCharsets.UTF_8));
    // Version 2 holds a value this code cannot read as a Checkpoint (another schema of the type):
    // reading it would fail, so a save that succeeds did not read it.
    IMap<CheckpointKey, GenericRecord> raw = client.getMap(SwarmMap.CHECKPOINTS.mapName());
    raw.set(
        new CheckpointKey("model-x", 2),
        GenericRecordBuilder.compact("swarmgrid.Checkpoint").setString("other", "x").build());

    CheckpointInfo third = store.save("model-x", "v3".getBytes(StandardCharsets.UTF_8));
    assertThat(third.version()).isEqualTo(3);
    CheckpointInfo fourth = store.save("model-x", "v4".getBytes(StandardCharsets.UTF_8));
    assertThat(fourth.version()).isEqualTo(4);
    // Three versions kept: version 1 was removed by key, without reading it.
    assertThat(raw.keySet())
        .extracting(CheckpointKey::version)
        .containsExactlyInAnyOrder(2L, 3L, 4L);
    assertThat(new String(store.restore("model-x", 4).data(), StandardCharsets.UTF_8))
        .isEqualTo("v4");
  }
}
