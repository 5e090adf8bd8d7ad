package io.swarmgrid.storage.swarm.internal;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.swarm.ColonyRecord;
import java.io.IOException;
import java.util.Map;

/** Offers a tour to a colony: kept as its best if shorter; returns the colony's best length. */
public final class OfferTourProcessor
    implements EntryProcessor<String, ColonyRecord, Long>, IdentifiedDataSerializable {
  private int[] tour;
  private long length;
  private long tick;

  /** For deserialization. */
  public OfferTourProcessor() {}

  /** Offers {@code tour} of {@code length} found in {@code tick}. */
  public OfferTourProcessor(int[] tour, long length, long tick) {
    this.tour = tour;
    this.length = length;
    this.tick = tick;
  }

  @Override
  public Long process(Map.Entry<String, ColonyRecord> entry) {
    ColonyRecord c = entry.getValue();
    if (c == null) {
      return Long.MAX_VALUE;
    }
    if (length < c.bestLength()) {
      c = c.offer(tour, length, tick);
      entry.setValue(c);
    }
    return c.bestLength();
  }

  @Override
  public int getFactoryId() {
    return SwarmStorageSerializers.FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return SwarmStorageSerializers.OFFER_TOUR;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeIntArray(tour);
    out.writeLong(length);
    out.writeLong(tick);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    tour = in.readIntArray();
    length = in.readLong();
    tick = in.readLong();
  }
}
