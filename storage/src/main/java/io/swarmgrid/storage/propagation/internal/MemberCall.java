package io.swarmgrid.storage.propagation.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.spi.exception.RetryableHazelcastException;
import io.swarmgrid.storage.propagation.PropagationHooks;
import io.swarmgrid.storage.runtime.SwarmServices;
import java.util.Optional;
import java.util.concurrent.Callable;

/** A call a client or member makes on a member's propagation engine. */
abstract class MemberCall<T>
    implements Callable<T>, HazelcastInstanceAware, IdentifiedDataSerializable {
  private transient HazelcastInstance hz;

  @Override
  public void setHazelcastInstance(HazelcastInstance hz) {
    this.hz = hz;
  }

  @Override
  public T call() {
    Optional<PropagationHooks> hooks = SwarmServices.awaitStarting(hz, PropagationHooks.class);
    if (hooks.isEmpty() && !hz.getLifecycleService().isRunning()) {
      // Its engine stopped: the caller asks the partition's next owner.
      throw new RetryableHazelcastException(
          "member " + hz.getCluster().getLocalMember() + " is shutting down");
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
