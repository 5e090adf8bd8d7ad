package io.swarmgrid.tasks.region;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;

/**
 * Creates the replication stamp processors when they arrive ({@code IdentifiedDataSerializable},
 * factory id {@link FactoryIds#REGION}). Registered by {@code SwarmSerialization}; members name it
 * in {@code swarmgrid-member.yaml}.
 */
public final class RegionFactory implements DataSerializableFactory {
  static final int STAMP_LOCAL = 1;
  static final int APPLY_STAMP = 2;

  @Override
  public IdentifiedDataSerializable create(int typeId) {
    return switch (typeId) {
      case STAMP_LOCAL -> new StampLocal();
      case APPLY_STAMP -> new ApplyStamp();
      default -> null;
    };
  }
}
