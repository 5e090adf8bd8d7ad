package io.swarmgrid.tasks.diffusion;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import java.util.concurrent.Callable;

/** An empty call whose round trip measures the latency between two members. */
public final class Ping implements Callable<Boolean>, IdentifiedDataSerializable {
  @Override
  public int getFactoryId() {
    return FactoryIds.DIFFUSION;
  }

  @Override
  public int getClassId() {
    return DiffusionFactory.PING;
  }

  @Override
  public void writeData(ObjectDataOutput out) {}

  @Override
  public void readData(ObjectDataInput in) {}

  @Override
  public Boolean call() {
    return Boolean.TRUE;
  }
}
