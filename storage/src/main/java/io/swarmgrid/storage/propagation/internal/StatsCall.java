package io.swarmgrid.storage.propagation.internal;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.swarmgrid.storage.propagation.PropagationHooks;
import io.swarmgrid.storage.propagation.PropagationStats;

/** Asks a member for its propagation counters. */
public final class StatsCall extends MemberCall<PropagationStats> {
  /** A stats call. */
  public StatsCall() {}

  @Override
  PropagationStats callOn(PropagationHooks hooks) {
    return hooks.localStats();
  }

  @Override
  public int getClassId() {
    return PropagationSerializers.STATS;
  }

  @Override
  public void writeData(ObjectDataOutput out) {}

  @Override
  public void readData(ObjectDataInput in) {}
}
