package io.swarmgrid.storage.propagation.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.propagation.PropagationHooks;
import io.swarmgrid.storage.runtime.SwarmServices;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** A call a client or member makes on a member's propagation engine. */
abstract class MemberCall<T>
    implements Callable<T>, HazelcastInstanceAware, IdentifiedDataSerializable {
  /**
   * How long a call waits for the engine of a member that is starting (a member joins as soon as
   * Hazelcast runs, and its engines start after: a declaration made meanwhile failed).
   */
  private static final long STARTING_NANOS = TimeUnit.SECONDS.toNanos(5);

  private transient HazelcastInstance hz;

  @Override
  public void setHazelcastInstance(HazelcastInstance hz) {
    this.hz = hz;
  }

  @Override
  public T call() {
    long until = System.nanoTime() + STARTING_NANOS;
    Optional<PropagationHooks> hooks = SwarmServices.find(hz, PropagationHooks.class);
    while (hooks.isEmpty() && System.nanoTime() < until && hz.getLifecycleService().isRunning()) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      hooks = SwarmServices.find(hz, PropagationHooks.class);
    }
    return callOn(
        hooks.orElseGet(
            () ->
                SwarmServices.require(
                    hz,
                    PropagationHooks.class,
                    "the propagation engine (swarmgrid.engines.propagation: true)")));
  }

  abstract T callOn(PropagationHooks hooks);

  @Override
  public int getFactoryId() {
    return PropagationSerializers.FACTORY_ID;
  }
}
