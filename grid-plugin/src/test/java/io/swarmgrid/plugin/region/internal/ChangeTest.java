package io.swarmgrid.plugin.region.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.map.IMap;
import io.swarmgrid.plugin.region.RegionJobFactory;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A change crosses members as {@code IdentifiedDataSerializable} (the keyed stamping stage sends
 * every change of the stream to its key's owner): it reads back equal on another member, puts and
 * removals alike, with keys and values of the grid's own types.
 */
class ChangeTest {
  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(2);

  @Test
  void aChangeReadsBackEqual_onAnotherMember() {
    IMap<Integer, Change> written = cluster.member(0).getMap("changes-" + UUID.randomUUID());
    IMap<Integer, Change> read = cluster.member(1).getMap(written.getName());
    List<Change> changes =
        List.of(
            new Change("k", "value", false, 1_700_000_000_123L),
            new Change(42L, null, true, 0),
            new Change("count", 7, false, 7));
    for (int i = 0; i < changes.size(); i++) {
      written.put(i, changes.get(i));
    }
    for (int i = 0; i < changes.size(); i++) {
      Change back = read.get(i);
      assertThat(back).isEqualTo(changes.get(i));
      assertThat(back.getFactoryId()).isEqualTo(FactoryIds.REGION_JOB);
      assertThat(back.getClassId()).isEqualTo(RegionJobFactory.CHANGE);
    }
    assertThat(new RegionJobFactory().create(RegionJobFactory.CHANGE)).isInstanceOf(Change.class);
    assertThat(new RegionJobFactory().create(99)).isNull();
  }
}
