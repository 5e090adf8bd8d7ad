package io.swarmgrid.tasks.swarm.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import io.swarmgrid.tasks.swarm.AgentHost;

/** Base of the agent processors: finds the member's {@link AgentHost}. */
abstract class HostAware implements HazelcastInstanceAware {
  private transient HazelcastInstance member;

  @Override
  public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
    this.member = hazelcastInstance;
  }

  AgentHost host() {
    if (member == null) {
      throw new IllegalStateException("agent processor not run on a member");
    }
    return AgentHost.of(member)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the swarm engine is not running on member "
                        + member.getCluster().getLocalMember().getAddress()
                        + " (swarmgrid.engines.swarm: true)"));
  }

  AgentHost hostOrNull() {
    return member == null ? null : AgentHost.of(member).orElse(null);
  }
}
