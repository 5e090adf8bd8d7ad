package io.swarmgrid.plugin.consensus.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.cp.CPMember;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.plugin.consensus.ConsensusMemberFactory;
import io.swarmgrid.storage.FactoryIds;
import java.util.concurrent.Callable;

/**
 * Asks a member for the UUID of its CP identity ("" if it is not a CP member). A promoted member's
 * CP UUID is not its member UUID, and its address can be the address of a lost CP member it
 * replaced: only the member itself knows which CP member it is.
 */
public final class LocalCpMember
    implements Callable<String>, HazelcastInstanceAware, IdentifiedDataSerializable {
  private transient HazelcastInstance hz;

  @Override
  public void setHazelcastInstance(HazelcastInstance hz) {
    this.hz = hz;
  }

  @Override
  public String call() {
    return call(hz);
  }

  /** The answer for {@code member}, asked locally. */
  String call(HazelcastInstance member) {
    CPMember local = member.getCPSubsystem().getLocalCPMember();
    return local == null ? "" : local.getUuid().toString();
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.CONSENSUS_MEMBER;
  }

  @Override
  public int getClassId() {
    return ConsensusMemberFactory.LOCAL_CP_MEMBER;
  }

  @Override
  public void writeData(ObjectDataOutput out) {}

  @Override
  public void readData(ObjectDataInput in) {}
}
