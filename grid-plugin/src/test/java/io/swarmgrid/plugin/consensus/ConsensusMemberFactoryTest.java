package io.swarmgrid.plugin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmgrid.plugin.consensus.internal.LocalCpMember;
import io.swarmgrid.storage.FactoryIds;
import org.junit.jupiter.api.Test;

/** grid-plugin's consensus member calls come from {@link ConsensusMemberFactory}. */
class ConsensusMemberFactoryTest {
  @Test
  void localCpMember_comesFromItsFactory() {
    ConsensusMemberFactory factory = new ConsensusMemberFactory();
    var created = factory.create(ConsensusMemberFactory.LOCAL_CP_MEMBER);
    assertThat(created).isInstanceOf(LocalCpMember.class);
    assertThat(created.getFactoryId()).isEqualTo(FactoryIds.CONSENSUS_MEMBER);
    assertThat(created.getClassId()).isEqualTo(ConsensusMemberFactory.LOCAL_CP_MEMBER);
    assertThat(factory.create(0)).isNull();
  }
}
