package io.swarmgrid.storage.propagation.internal;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.swarmgrid.storage.propagation.PropagationHooks;

/** Asks a member for its propagation counters. */
public final class StatsCall extends MemberCall<StatsAnswer> {
  /** A stats call. */
  public StatsCall() {}

  @Override
  StatsAnswer callOn(PropagationHooks hooks) {
    return new StatsAnswer(hooks.localStats());
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
