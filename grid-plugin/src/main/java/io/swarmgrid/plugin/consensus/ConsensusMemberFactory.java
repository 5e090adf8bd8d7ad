package io.swarmgrid.plugin.consensus;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.plugin.consensus.internal.LocalCpMember;
import io.swarmgrid.storage.FactoryIds;

/**
 * Creates the member-to-member calls of grid-plugin's consensus ({@code
 * IdentifiedDataSerializable}, factory id {@link FactoryIds#CONSENSUS_MEMBER}): the CP healer's
 * {@link LocalCpMember}. Registered by {@code PluginSerialization}; members name it in {@code
 * swarmgrid-member.yaml}.
 */
public final class ConsensusMemberFactory implements DataSerializableFactory {
  /** Class id of {@link LocalCpMember}. */
  public static final int LOCAL_CP_MEMBER = 1;

  @Override
  public IdentifiedDataSerializable create(int typeId) {
    return typeId == LOCAL_CP_MEMBER ? new LocalCpMember() : null;
  }
}
