package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.learning.ModelVersion;

/** Compact form of {@link ModelVersion}. */
final class ModelVersionSerializer implements CompactSerializer<ModelVersion> {
  @Override
  public ModelVersion read(CompactReader in) {
    return new ModelVersion(
        in.readString("jobId"),
        in.readInt32("version"),
        in.readInt32("round"),
        in.readInt32("features"),
        in.readInt32("classes"),
        in.readArrayOfFloat64("weights"),
        in.readFloat64("accuracy"),
        in.readString("rule"),
        in.readInt32("participants"),
        in.readInt32("rejected"),
        in.readString("proposalId"),
        in.readInt64("createdAt"));
  }

  @Override
  public void write(CompactWriter out, ModelVersion v) {
    out.writeString("jobId", v.jobId());
    out.writeInt32("version", v.version());
    out.writeInt32("round", v.round());
    out.writeInt32("features", v.features());
    out.writeInt32("classes", v.classes());
    out.writeArrayOfFloat64("weights", v.weights());
    out.writeFloat64("accuracy", v.accuracy());
    out.writeString("rule", v.rule());
    out.writeInt32("participants", v.participants());
    out.writeInt32("rejected", v.rejected());
    out.writeString("proposalId", v.proposalId());
    out.writeInt64("createdAt", v.createdAt());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.ModelVersion";
  }

  @Override
  public Class<ModelVersion> getCompactClass() {
    return ModelVersion.class;
  }
}
