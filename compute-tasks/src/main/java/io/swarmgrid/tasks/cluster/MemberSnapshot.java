package io.swarmgrid.tasks.cluster;

import java.io.Serializable;
import java.util.List;

/**
 * What one member knows of the cluster: its members and its CP members, as {@code host:port}.
 *
 * @param members all members, oldest first
 * @param cpMembers members of the CP Subsystem; empty when CP is off
 * @param cpError why CP members could not be listed, or empty
 * @param clusterState Hazelcast's cluster state, e.g. {@code ACTIVE}
 */
public record MemberSnapshot(
    List<String> members, List<String> cpMembers, String cpError, String clusterState)
    implements Serializable {}
