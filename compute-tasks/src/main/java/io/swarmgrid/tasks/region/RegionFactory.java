package io.swarmgrid.tasks.region;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;

/**
 * Creates the replication stamp processors when they arrive ({@code IdentifiedDataSerializable},
 * factory id {@link FactoryIds#REGION}). Registered by {@code SwarmSerialization}; members name it
 * in {@code swarmgrid-member.yaml}.
 */
public final class RegionFactory implements DataSerializableFactory {
  static final int STAMP_LOCAL = 1;
  static final int APPLY_STAMP = 2;
  static final int BUCKET_DIGESTS = 3;
  static final int BUCKET_ENTRIES = 4;
  static final int BUCKET_DIGESTS_RESULT = 5;
  static final int BUCKET_ENTRIES_RESULT = 6;
  static final int APPLY_AND_WRITE = 7;

  @Override
  public IdentifiedDataSerializable create(int typeId) {
    return switch (typeId) {
      case STAMP_LOCAL -> new StampLocal();
      case APPLY_STAMP -> new ApplyStamp();
      case BUCKET_DIGESTS -> new BucketDigests();
      case BUCKET_ENTRIES -> new BucketEntries();
      case BUCKET_DIGESTS_RESULT -> new BucketDigests.Result();
      case BUCKET_ENTRIES_RESULT -> new BucketEntries.Result();
      case APPLY_AND_WRITE -> new ApplyAndWrite();
      default -> null;
    };
  }
}
