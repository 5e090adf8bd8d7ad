package io.swarmgrid.plugin.region.internal;

import com.hazelcast.core.EntryView;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.plugin.hazelcast.ValueHash;
import io.swarmgrid.storage.region.ReplicationStamp;
import io.swarmgrid.tasks.region.StampLocal;

/** Stamps changes of one map on the source member (see {@link StampLocal}); one per processor. */
final class Stamper {
  private final IMap<Object, Object> map;
  private final IMap<Object, ReplicationStamp> stamps;
  private final ValueHash hash;
  private final String region;
  private final long tombstoneTtlSeconds;

  Stamper(HazelcastInstance member, String mapName, String region, long tombstoneTtlSeconds) {
    this.map = member.getMap(mapName);
    this.stamps = member.getMap(ReplicationJobs.stampMapName(mapName));
    this.hash = new ValueHash(member);
    this.region = region;
    this.tombstoneTtlSeconds = tombstoneTtlSeconds;
  }

  /**
   * The key's current state with its stamp, or null when that state arrived by replication and must
   * not go back. The change read from the journal is only a trigger: stamping and shipping the
   * current state (not the event's value, which a replicated update may already have replaced)
   * keeps a stale event from being mistaken for a new local write.
   */
  Shipment stamp(Change c) {
    EntryView<Object, Object> view = map.getEntryView(c.key());
    boolean removed = view == null;
    Object value = removed ? null : view.getValue();
    long h = removed ? 0 : hash.of(value);
    long updateTime =
        removed || view.getLastUpdateTime() <= 0
            ? System.currentTimeMillis()
            : view.getLastUpdateTime();
    ReplicationStamp s =
        stamps.executeOnKey(
            c.key(), new StampLocal(region, h, removed, updateTime, tombstoneTtlSeconds));
    return s == null
        ? null
        : new Shipment(c.key(), value, s, c.readAt(), System.currentTimeMillis());
  }
}
