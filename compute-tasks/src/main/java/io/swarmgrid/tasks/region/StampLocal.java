package io.swarmgrid.tasks.region;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.region.ReplicationStamp;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs on the source region's stamp map for one change read from the map's event journal and
 * returns the stamp to ship with it, or {@code null} when the change must not be shipped because it
 * arrived by replication (the stamp names another origin and the same value hash): this is what
 * keeps active-active replication free of loops.
 *
 * <p>A change that the stamp does not describe is a local write: it gets a new stamp of this region
 * whose clock is past the one it replaces (a hybrid logical clock: {@code max(update time, old +
 * 1)}) and whose version is one more. While a replicated delivery is between its stamp and its
 * value (the stamp is pending) the state it replaces is not shipped: the delivery's own event
 * follows. A change already stamped by this region (a re-read after a restart, or a second target's
 * job) keeps its stamp, so every target sees the same stamp for it.
 *
 * @param region this region
 * @param hash the value's hash (0 for a removal)
 * @param removed whether the change is a removal
 * @param updateTime when the entry was last updated on this member (epoch ms)
 * @param tombstoneTtlSeconds how long a removal's stamp is kept
 */
public final class StampLocal
    implements EntryProcessor<Object, ReplicationStamp, ReplicationStamp>,
        IdentifiedDataSerializable {
  // Runs once per change read from the journal: IdentifiedDataSerializable, never Java.
  private String region;
  private long hash;
  private boolean removed;
  private long updateTime;
  private long tombstoneTtlSeconds;

  /** For deserialization only. */
  public StampLocal() {}

  /** The stamping of one change; see the class comment for the parameters. */
  public StampLocal(
      String region, long hash, boolean removed, long updateTime, long tombstoneTtlSeconds) {
    this.region = region;
    this.hash = hash;
    this.removed = removed;
    this.updateTime = updateTime;
    this.tombstoneTtlSeconds = tombstoneTtlSeconds;
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.REGION;
  }

  @Override
  public int getClassId() {
    return RegionFactory.STAMP_LOCAL;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeString(region);
    out.writeLong(hash);
    out.writeBoolean(removed);
    out.writeLong(updateTime);
    out.writeLong(tombstoneTtlSeconds);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    region = in.readString();
    hash = in.readLong();
    removed = in.readBoolean();
    updateTime = in.readLong();
    tombstoneTtlSeconds = in.readLong();
  }

  @Override
  public ReplicationStamp process(Map.Entry<Object, ReplicationStamp> entry) {
    ReplicationStamp existing = entry.getValue();
    if (existing != null && existing.removed() == removed && existing.hash() == hash) {
      if (existing.origin().equals(region)) {
        return existing;
      }
      if (existing.pending()) {
        entry.setValue(existing.withPending(false)); // the replicated value has landed
      }
      return null;
    }
    if (existing != null && existing.pending() && !existing.origin().equals(region)) {
      return null; // a replicated value is being written over this state; its own event follows
    }
    long time = existing == null ? updateTime : Math.max(updateTime, existing.time() + 1);
    long version = existing == null ? 1 : existing.version() + 1;
    ReplicationStamp stamp = new ReplicationStamp(region, time, version, hash, removed);
    ((ExtendedMapEntry<Object, ReplicationStamp>) entry)
        .setValue(stamp, removed ? tombstoneTtlSeconds : 0, TimeUnit.SECONDS);
    return stamp;
  }
}
