package io.swarmgrid.plugin.learning.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.plugin.learning.LearningEngine;
import io.swarmgrid.plugin.learning.LearningFactory;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.runtime.SwarmServices;
import java.io.IOException;
import java.util.concurrent.Callable;

/** Asks a member to train its local shards for a round attempt; answers the updates submitted. */
public final class TrainTask
    implements Callable<Integer>, HazelcastInstanceAware, IdentifiedDataSerializable {
  private transient HazelcastInstance hz;
  private String jobId;
  private int round;
  private int attempt;

  /** For deserialization. */
  public TrainTask() {}

  TrainTask(String jobId, int round, int attempt) {
    this.jobId = jobId;
    this.round = round;
    this.attempt = attempt;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hz) {
    this.hz = hz;
  }

  @Override
  public Integer call() {
    return SwarmServices.require(hz, LearningEngine.class, "train a learning round")
        .trainLocal(jobId, round, attempt);
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.LEARNING;
  }

  @Override
  public int getClassId() {
    return LearningFactory.TRAIN;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeString(jobId);
    out.writeInt(round);
    out.writeInt(attempt);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    jobId = in.readString();
    round = in.readInt();
    attempt = in.readInt();
  }
}
