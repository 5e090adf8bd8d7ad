package io.swarmgrid.tasks.region;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.config.ConflictPolicy;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.region.ReplicationStamp;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs on the target region's stamp map ({@code <map>.stamps}) for one replicated update: decides
 * by the conflict policy whether the update replaces what the target holds and, if so, records its
 * stamp (a removal's stamp with the tombstone TTL). Returns {@link #APPLY} when the caller should
 * now write the value. Re-applying the very same stamp answers APPLY again, so a delivery retried
 * after a failure between the stamp and the value write still writes the value.
 */
public final class ApplyStamp
    implements EntryProcessor<Object, ReplicationStamp, Integer>, IdentifiedDataSerializable {

  /** Result: the target keeps what it has. */
  public static final int REJECTED = 0;

  /** Result: the update won; the caller writes (or removes) the value now. */
  public static final int APPLY = 1;

  /**
   * Result: the target holds a local write not stamped yet and its update time is needed; call
   * again with {@code currentUpdateTime} set.
   */
  public static final int NEED_UPDATE_TIME = 2;

  // Sent once per replicated update: IdentifiedDataSerializable (a class, since it is filled in
  // after construction) instead of Java serialization, whose ObjectInputStream was a seventh of
  // the target's CPU in the replication benchmark's profile.
  private String origin;
  private long time;
  private long version;
  private long hash;
  private boolean removed;
  private String policy;
  private String mergeClass;
  private long tombstoneTtlSeconds;
  private String targetRegion;
  private long currentHash;
  private long currentUpdateTime;
  // The value is written in the same call ({@link ApplyAndWrite}): the winning stamp is not
  // pending.
  private boolean writtenHere;

  /** For deserialization only. */
  public ApplyStamp() {}

  private ApplyStamp(
      String origin,
      long time,
      long version,
      long hash,
      boolean removed,
      String policy,
      String mergeClass,
      long tombstoneTtlSeconds,
      String targetRegion,
      long currentHash,
      long currentUpdateTime) {
    this.origin = origin;
    this.time = time;
    this.version = version;
    this.hash = hash;
    this.removed = removed;
    this.policy = policy;
    this.mergeClass = mergeClass;
    this.tombstoneTtlSeconds = tombstoneTtlSeconds;
    this.targetRegion = targetRegion;
    this.currentHash = currentHash;
    this.currentUpdateTime = currentUpdateTime;
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.REGION;
  }

  @Override
  public int getClassId() {
    return RegionFactory.APPLY_STAMP;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeString(origin);
    out.writeLong(time);
    out.writeLong(version);
    out.writeLong(hash);
    out.writeBoolean(removed);
    out.writeString(policy);
    out.writeString(mergeClass);
    out.writeLong(tombstoneTtlSeconds);
    out.writeString(targetRegion);
    out.writeLong(currentHash);
    out.writeLong(currentUpdateTime);
    out.writeBoolean(writtenHere);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    origin = in.readString();
    time = in.readLong();
    version = in.readLong();
    hash = in.readLong();
    removed = in.readBoolean();
    policy = in.readString();
    mergeClass = in.readString();
    tombstoneTtlSeconds = in.readLong();
    targetRegion = in.readString();
    currentHash = in.readLong();
    currentUpdateTime = in.readLong();
    writtenHere = in.readBoolean();
  }

  /**
   * The processor applying {@code incoming} under {@code policy} (its YAML name; with the custom
   * policy, {@code mergeClass} names the {@link RegionMerge}), keeping a removal's stamp for {@code
   * tombstoneTtlSeconds}, in {@code targetRegion}. {@code currentHash} is the hash of the value the
   * target held when the update was delivered (0 = none), {@code currentUpdateTime} that value's
   * last update time at the target (epoch ms), 0 if not looked up.
   */
  public static ApplyStamp of(
      ReplicationStamp incoming,
      String policy,
      String mergeClass,
      long tombstoneTtlSeconds,
      String targetRegion,
      long currentHash,
      long currentUpdateTime) {
    return new ApplyStamp(
        incoming.origin(),
        incoming.time(),
        incoming.version(),
        incoming.hash(),
        incoming.removed(),
        policy,
        mergeClass,
        tombstoneTtlSeconds,
        targetRegion,
        currentHash,
        currentUpdateTime);
  }

  /**
   * This judgement with the target's current entry read where it runs ({@code currentHash} 0 =
   * none, {@code currentUpdateTime} its update time) and the value written in the same call.
   */
  ApplyStamp writingHere(long currentHash, long currentUpdateTime) {
    ApplyStamp p =
        new ApplyStamp(
            origin,
            time,
            version,
            hash,
            removed,
            policy,
            mergeClass,
            tombstoneTtlSeconds,
            targetRegion,
            currentHash,
            currentUpdateTime);
    p.writtenHere = true;
    return p;
  }

  /** The stamp being applied. */
  public ReplicationStamp incoming() {
    return new ReplicationStamp(origin, time, version, hash, removed);
  }

  // One instance per class name; bounded by the number of configured custom policies.
  private static final Map<String, RegionMerge> MERGES = new ConcurrentHashMap<>();

  @Override
  public Integer process(Map.Entry<Object, ReplicationStamp> entry) {
    ReplicationStamp existing = entry.getValue();
    ReplicationStamp incoming = incoming();
    if (!describes(existing)) {
      // The target holds a local write its own replication job has not stamped yet: stamp it here,
      // as
      // that job would (it reuses this stamp), so both regions judge the conflict by the same
      // stamps.
      // A value's clock is its update time; a removal's is now (as when the job reads a removal).
      long at = currentHash == 0 ? System.currentTimeMillis() : currentUpdateTime;
      if (at == 0) {
        return NEED_UPDATE_TIME;
      }
      long t = existing == null ? at : Math.max(at, existing.time() + 1);
      existing =
          new ReplicationStamp(
              targetRegion,
              t,
              existing == null ? 1 : existing.version() + 1,
              currentHash,
              currentHash == 0);
      ((ExtendedMapEntry<Object, ReplicationStamp>) entry)
          .setValue(existing, existing.removed() ? tombstoneTtlSeconds : 0, TimeUnit.SECONDS);
    }
    if (existing != null && !existing.sameWrite(incoming) && !wins(existing, incoming)) {
      return REJECTED;
    }
    if (existing == null || !existing.sameWrite(incoming)) {
      long ttl = incoming.removed() ? tombstoneTtlSeconds : 0;
      // Pending until this region's replication job sees the value land (it then clears the flag
      // and
      // does not mistake the write for a local one); not pending when the map already holds that
      // state.
      boolean landed =
          writtenHere || (incoming.removed() ? currentHash == 0 : currentHash == incoming.hash());
      ((ExtendedMapEntry<Object, ReplicationStamp>) entry)
          .setValue(incoming.withPending(!landed), ttl, TimeUnit.SECONDS);
    }
    return APPLY;
  }

  /**
   * Whether {@code stamp} describes the value the target holds (none held: a tombstone or no
   * stamp).
   */
  private boolean describes(ReplicationStamp stamp) {
    if (stamp == null) {
      return currentHash == 0;
    }
    if (stamp.pending()) {
      return true; // another delivery's value is on its way: that stamp is the state
    }
    return stamp.removed() ? currentHash == 0 : stamp.hash() == currentHash;
  }

  private boolean wins(ReplicationStamp existing, ReplicationStamp incoming) {
    return switch (ConflictPolicy.parse("policy", policy)) {
      case LATEST_UPDATE -> incoming.compareByTime(existing) > 0;
      case HIGHER_VERSION -> incoming.compareByVersion(existing) > 0;
      case PASS_THROUGH -> true;
      case CUSTOM -> merge(mergeClass).incomingWins(existing, incoming);
    };
  }

  /** The custom merge named {@code className}, or an error naming the class and what is wrong. */
  static RegionMerge merge(String className) {
    return MERGES.computeIfAbsent(
        className,
        name -> {
          try {
            Object o =
                Class.forName(name, true, Thread.currentThread().getContextClassLoader())
                    .getDeclaredConstructor()
                    .newInstance();
            if (!(o instanceof RegionMerge m)) {
              throw new IllegalArgumentException(
                  "merge-class '" + name + "' does not implement " + RegionMerge.class.getName());
            }
            return m;
          } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(
                "merge-class '"
                    + name
                    + "' cannot be made (a public no-argument constructor on the class path is needed): "
                    + e,
                e);
          }
        });
  }
}
