package io.swarmgrid.tasks.diffusion;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.runtime.SwarmServices;
import java.util.concurrent.Callable;

/**
 * Runs on a member: its {@link DiffusionSettings}, or null if it does not run the diffusion engine.
 */
public final class SettingsTask
    implements Callable<DiffusionSettings>, HazelcastInstanceAware, IdentifiedDataSerializable {

  private transient HazelcastInstance member;

  @Override
  public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
    this.member = hazelcastInstance;
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.DIFFUSION;
  }

  @Override
  public int getClassId() {
    return DiffusionFactory.SETTINGS;
  }

  @Override
  public void writeData(ObjectDataOutput out) {}

  @Override
  public void readData(ObjectDataInput in) {}

  @Override
  public DiffusionSettings call() {
    return SwarmServices.find(member, DiffusionSettings.class).orElse(null);
  }
}
