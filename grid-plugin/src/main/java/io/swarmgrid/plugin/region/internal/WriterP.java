package io.swarmgrid.plugin.region.internal;

import com.hazelcast.jet.core.Inbox;
import com.hazelcast.jet.core.Outbox;
import com.hazelcast.jet.core.Processor;
import com.hazelcast.jet.core.Watermark;

/**
 * The Jet sink processor around a {@link RegionWriter}. Not the SinkBuilder's: deliveries are
 * asynchronous now, and a snapshot (or the end of a copy job) must wait until the target
 * acknowledged everything received before it, or a source member lost after the snapshot would take
 * changes in flight with it (the restarted job reads on from the snapshot's offsets).
 */
final class WriterP implements Processor {
  private final Link link;
  private final boolean publishes;
  private RegionWriter writer;

  WriterP(Link link, boolean publishes) {
    this.link = link;
    this.publishes = publishes;
  }

  @Override
  public boolean isCooperative() {
    return false; // delivery blocks when the window is full or the target fails
  }

  @Override
  public void init(Outbox outbox, Context context) {
    writer = new RegionWriter(context, link, publishes);
  }

  @Override
  public void process(int ordinal, Inbox inbox) {
    inbox.drain(item -> writer.add((Shipment) item));
    writer.flush();
  }

  /** Called on every round: collect acknowledgements and send the states that waited on them. */
  @Override
  public boolean tryProcess() {
    writer.poll();
    return true;
  }

  @Override
  public boolean tryProcessWatermark(Watermark watermark) {
    return true;
  }

  @Override
  public boolean saveToSnapshot() {
    return writer.drained();
  }

  @Override
  public boolean complete() {
    return writer.drained();
  }

  @Override
  public void close() {
    if (writer != null) {
      writer.close();
    }
  }
}
