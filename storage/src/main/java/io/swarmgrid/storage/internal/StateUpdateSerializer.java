package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.propagation.StateUpdate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Compact form of {@link StateUpdate}: the qualities as one byte array and their lengths. */
final class StateUpdateSerializer implements CompactSerializer<StateUpdate> {
  @Override
  public StateUpdate read(CompactReader in) {
    byte[] all = in.readArrayOfInt8("qualities");
    int[] lengths = in.readArrayOfInt32("qualityLengths");
    List<byte[]> qualities = new ArrayList<>(lengths.length);
    int at = 0;
    for (int length : lengths) {
      qualities.add(Arrays.copyOfRange(all, at, at + length));
      at += length;
    }
    return new StateUpdate(
        in.readString("stateId"),
        in.readString("source"),
        in.readInt64("seq"),
        in.readInt64("publishedAt"),
        Priority.valueOf(in.readString("priority")),
        in.readBoolean("keyframe"),
        in.readInt64("keyframeSeq"),
        qualities,
        in.readArrayOfInt8("signature"));
  }

  @Override
  public void write(CompactWriter out, StateUpdate u) {
    int total = u.qualities().stream().mapToInt(q -> q.length).sum();
    byte[] all = new byte[total];
    int[] lengths = new int[u.qualities().size()];
    int at = 0;
    for (int i = 0; i < lengths.length; i++) {
      byte[] q = u.qualities().get(i);
      System.arraycopy(q, 0, all, at, q.length);
      lengths[i] = q.length;
      at += q.length;
    }
    out.writeString("stateId", u.stateId());
    out.writeString("source", u.source());
    out.writeInt64("seq", u.seq());
    out.writeInt64("publishedAt", u.publishedAt());
    out.writeString("priority", u.priority().name());
    out.writeBoolean("keyframe", u.keyframe());
    out.writeInt64("keyframeSeq", u.keyframeSeq());
    out.writeArrayOfInt8("qualities", all);
    out.writeArrayOfInt32("qualityLengths", lengths);
    out.writeArrayOfInt8("signature", u.signature());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.StateUpdate";
  }

  @Override
  public Class<StateUpdate> getCompactClass() {
    return StateUpdate.class;
  }
}
