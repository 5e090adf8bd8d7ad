package io.swarmgrid.tasks.cluster;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.tasks.internal.ClusterFactory;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * What one member knows of the cluster: its members and its CP members, as {@code host:port}.
 *
 * @param members all members, oldest first
 * @param cpMembers members of the CP Subsystem; empty when CP is off
 * @param cpError why CP members could not be listed, or empty
 * @param clusterState Hazelcast's cluster state, e.g. {@code ACTIVE}
 */
public final class MemberSnapshot implements IdentifiedDataSerializable {
  private List<String> members;
  private List<String> cpMembers;
  private String cpError;
  private String clusterState;

  /** For deserialization only. */
  public MemberSnapshot() {}

  /** The value. */
  public MemberSnapshot(
      List<String> members, List<String> cpMembers, String cpError, String clusterState) {
    this.members = List.copyOf(members);
    this.cpMembers = List.copyOf(cpMembers);
    this.cpError = cpError;
    this.clusterState = clusterState;
  }

  /** The members. */
  public List<String> members() {
    return members;
  }

  /** The cpMembers. */
  public List<String> cpMembers() {
    return cpMembers;
  }

  /** The cpError. */
  public String cpError() {
    return cpError;
  }

  /** The clusterState. */
  public String clusterState() {
    return clusterState;
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.CLUSTER;
  }

  @Override
  public int getClassId() {
    return ClusterFactory.MEMBER_SNAPSHOT;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeStringArray(members.toArray(new String[0]));
    out.writeStringArray(cpMembers.toArray(new String[0]));
    out.writeString(cpError);
    out.writeString(clusterState);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    members = List.of(in.readStringArray());
    cpMembers = List.of(in.readStringArray());
    cpError = in.readString();
    clusterState = in.readString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MemberSnapshot v
        && Objects.equals(members, v.members)
        && Objects.equals(cpMembers, v.cpMembers)
        && Objects.equals(cpError, v.cpError)
        && Objects.equals(clusterState, v.clusterState);
  }

  @Override
  public int hashCode() {
    return Objects.hash(members, cpMembers, cpError, clusterState);
  }

  @Override
  public String toString() {
    return "MemberSnapshot[members="
        + members
        + ", cpMembers="
        + cpMembers
        + ", cpError="
        + cpError
        + ", clusterState="
        + clusterState
        + "]";
  }
}
