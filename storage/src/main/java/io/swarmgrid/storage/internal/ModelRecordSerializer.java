package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.model.ModelRecord;
import java.util.List;

/** Compact form of {@link ModelRecord}. */
final class ModelRecordSerializer implements CompactSerializer<ModelRecord> {
  @Override
  public ModelRecord read(CompactReader in) {
    return new ModelRecord(
        in.readString("name"),
        in.readInt64("version"),
        in.readArrayOfInt8("bytes"),
        in.readString("sha256"),
        in.readInt64("trainedAt"),
        in.readFloat64("accuracy"),
        in.readFloat64("auc"),
        in.readInt32("trainingExamples"),
        in.readInt32("heldOutExamples"),
        List.of(in.readArrayOfString("thresholdKeys")),
        in.readArrayOfFloat64("thresholds"),
        in.readFloat64("defaultThreshold"));
  }

  @Override
  public void write(CompactWriter out, ModelRecord m) {
    out.writeString("name", m.name());
    out.writeInt64("version", m.version());
    out.writeArrayOfInt8("bytes", m.bytes());
    out.writeString("sha256", m.sha256());
    out.writeInt64("trainedAt", m.trainedAt());
    out.writeFloat64("accuracy", m.accuracy());
    out.writeFloat64("auc", m.auc());
    out.writeInt32("trainingExamples", m.trainingExamples());
    out.writeInt32("heldOutExamples", m.heldOutExamples());
    out.writeArrayOfString("thresholdKeys", m.thresholdKeys().toArray(String[]::new));
    out.writeArrayOfFloat64("thresholds", m.thresholds());
    out.writeFloat64("defaultThreshold", m.defaultThreshold());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.ModelRecord";
  }

  @Override
  public Class<ModelRecord> getCompactClass() {
    return ModelRecord.class;
  }
}
