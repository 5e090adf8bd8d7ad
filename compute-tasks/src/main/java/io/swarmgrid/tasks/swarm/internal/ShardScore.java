package io.swarmgrid.tasks.swarm.internal;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;

/**
 * What one training shard says about a batch of hyper-parameter points: how many of its held-out
 * images each point's model got right, out of how many. Only these counts leave the shard's member.
 */
public final class ShardScore implements IdentifiedDataSerializable {
  private int shard;
  private int validated;
  private int[] correct;

  /** For deserialization. */
  public ShardScore() {}

  ShardScore(int shard, int validated, int[] correct) {
    this.shard = shard;
    this.validated = validated;
    this.correct = correct.clone();
  }

  /** The shard's index. */
  public int shard() {
    return shard;
  }

  /** Held-out images scored per point. */
  public int validated() {
    return validated;
  }

  /** Images predicted right, one count per point of the batch, in its order. */
  public int[] correct() {
    return correct.clone();
  }

  @Override
  public int getFactoryId() {
    return SwarmTaskSerializers.FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return SwarmTaskSerializers.SHARD_SCORE;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeInt(shard);
    out.writeInt(validated);
    out.writeIntArray(correct);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    shard = in.readInt();
    validated = in.readInt();
    correct = in.readIntArray();
  }
}
