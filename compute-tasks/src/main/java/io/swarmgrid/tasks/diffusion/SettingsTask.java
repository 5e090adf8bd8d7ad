package io.swarmgrid.tasks.diffusion;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import io.swarmgrid.storage.runtime.SwarmServices;
import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * Runs on a member: its {@link DiffusionSettings}, or null if it does not run the diffusion engine.
 */
public final class SettingsTask
    implements Callable<DiffusionSettings>, HazelcastInstanceAware, Serializable {
  private static final long serialVersionUID = 1L;

  private transient HazelcastInstance member;

  @Override
  public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
    this.member = hazelcastInstance;
  }

  @Override
  public DiffusionSettings call() {
    return SwarmServices.find(member, DiffusionSettings.class).orElse(null);
  }
}
