package io.swarmgrid.storage.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.storage.learning.JobState;
import io.swarmgrid.storage.learning.LearningJob;

/** Compact form of {@link LearningJob}. */
final class LearningJobSerializer implements CompactSerializer<LearningJob> {
  @Override
  public LearningJob read(CompactReader in) {
    return new LearningJob(
        in.readString("jobId"),
        in.readString("dataName"),
        in.readString("testName"),
        in.readString("rule"),
        in.readInt32("faulty"),
        in.readFloat64("trimBeta"),
        in.readBoolean("reputationWeighted"),
        in.readInt32("rounds"),
        in.readInt32("epochs"),
        in.readFloat64("learningRate"),
        in.readInt32("batchSize"),
        in.readString("attack"),
        in.readInt32("attackers"),
        in.readFloat64("attackStrength"),
        in.readFloat64("outlierFactor"),
        JobState.valueOf(in.readString("state")),
        in.readInt32("completedRounds"),
        in.readInt32("attempt"),
        in.readInt32("currentVersion"),
        in.readString("message"),
        in.readInt64("createdAt"));
  }

  @Override
  public void write(CompactWriter out, LearningJob v) {
    out.writeString("jobId", v.jobId());
    out.writeString("dataName", v.dataName());
    out.writeString("testName", v.testName());
    out.writeString("rule", v.rule());
    out.writeInt32("faulty", v.faulty());
    out.writeFloat64("trimBeta", v.trimBeta());
    out.writeBoolean("reputationWeighted", v.reputationWeighted());
    out.writeInt32("rounds", v.rounds());
    out.writeInt32("epochs", v.epochs());
    out.writeFloat64("learningRate", v.learningRate());
    out.writeInt32("batchSize", v.batchSize());
    out.writeString("attack", v.attack());
    out.writeInt32("attackers", v.attackers());
    out.writeFloat64("attackStrength", v.attackStrength());
    out.writeFloat64("outlierFactor", v.outlierFactor());
    out.writeString("state", v.state().name());
    out.writeInt32("completedRounds", v.completedRounds());
    out.writeInt32("attempt", v.attempt());
    out.writeInt32("currentVersion", v.currentVersion());
    out.writeString("message", v.message());
    out.writeInt64("createdAt", v.createdAt());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.LearningJob";
  }

  @Override
  public Class<LearningJob> getCompactClass() {
    return LearningJob.class;
  }
}
