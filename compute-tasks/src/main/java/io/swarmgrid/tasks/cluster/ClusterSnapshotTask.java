package io.swarmgrid.tasks.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.cp.CPMember;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.tasks.internal.ClusterFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Runs on a member (through the executor service) and returns its view of the cluster. Clients need
 * it because the CP management API is member-only.
 */
public final class ClusterSnapshotTask
    implements Callable<MemberSnapshot>, HazelcastInstanceAware, IdentifiedDataSerializable {

  private transient HazelcastInstance hz;

  @Override
  public void setHazelcastInstance(HazelcastInstance hz) {
    this.hz = hz;
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.CLUSTER;
  }

  @Override
  public int getClassId() {
    return ClusterFactory.SNAPSHOT;
  }

  @Override
  public void writeData(ObjectDataOutput out) {}

  @Override
  public void readData(ObjectDataInput in) {}

  @Override
  public MemberSnapshot call() {
    List<String> members = new ArrayList<>();
    for (Member m : hz.getCluster().getMembers()) {
      members.add(m.getAddress().getHost() + ":" + m.getAddress().getPort());
    }
    List<String> cp = new ArrayList<>();
    String cpError = "";
    int cpMemberCount = hz.getConfig().getCPSubsystemConfig().getCPMemberCount();
    if (cpMemberCount == 0) {
      cpError = "CP Subsystem is off (cp-member-count: 0)";
    } else {
      // Too few members: the CP Subsystem may never have formed, and the query would only time out.
      int waitSeconds = members.size() < cpMemberCount ? 2 : 10;
      try {
        Collection<CPMember> cpMembers =
            hz.getCPSubsystem()
                .getCPSubsystemManagementService()
                .getCPMembers()
                .toCompletableFuture()
                .get(waitSeconds, TimeUnit.SECONDS);
        for (CPMember m : cpMembers) {
          cp.add(m.getAddress().getHost() + ":" + m.getAddress().getPort());
        }
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        // The exception's text is a page-long invocation dump; its kind and the counts say enough.
        cpError =
            "CP Subsystem not available ("
                + e.getClass().getSimpleName()
                + "): cp-member-count is "
                + cpMemberCount
                + ", the cluster has "
                + members.size()
                + " member(s)";
      }
    }
    return new MemberSnapshot(members, cp, cpError, hz.getCluster().getClusterState().name());
  }
}
