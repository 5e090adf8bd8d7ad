package io.swarmgrid.tasks.internal;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.tasks.cluster.ClusterSnapshotTask;
import io.swarmgrid.tasks.cluster.MemberSnapshot;
import io.swarmgrid.tasks.pipeline.InputCheck;

/**
 * Creates the cluster-wide member calls of clients ({@code IdentifiedDataSerializable}, factory id
 * {@link FactoryIds#CLUSTER}): the cluster snapshot and the workload input check.
 */
public final class ClusterFactory implements DataSerializableFactory {
  /** Class id of {@link ClusterSnapshotTask}. */
  public static final int SNAPSHOT = 1;

  /** Class id of {@link InputCheck}. */
  public static final int INPUT_CHECK = 2;

  /** Class id of {@link MemberSnapshot}. */
  public static final int MEMBER_SNAPSHOT = 3;

  /** Class id of {@link InputCheck.Listing}. */
  public static final int LISTING = 4;

  @Override
  public IdentifiedDataSerializable create(int typeId) {
    return switch (typeId) {
      case SNAPSHOT -> new ClusterSnapshotTask();
      case INPUT_CHECK -> new InputCheck();
      case MEMBER_SNAPSHOT -> new MemberSnapshot();
      case LISTING -> new InputCheck.Listing();
      default -> null;
    };
  }
}
