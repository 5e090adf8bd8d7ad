package io.swarmgrid.plugin.region;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.plugin.region.internal.Change;
import io.swarmgrid.storage.FactoryIds;

/**
 * Creates what the replication Jet jobs send between members ({@code IdentifiedDataSerializable},
 * factory id {@link FactoryIds#REGION_JOB}): the changes their keyed stamping stage routes to the
 * member owning each key. Registered by {@code PluginSerialization}; members name it in {@code
 * swarmgrid-member.yaml}.
 */
public final class RegionJobFactory implements DataSerializableFactory {
  /** Class id of {@link Change}. */
  public static final int CHANGE = 1;

  @Override
  public IdentifiedDataSerializable create(int typeId) {
    return typeId == CHANGE ? new Change() : null;
  }
}
