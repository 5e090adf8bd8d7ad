package io.swarmgrid.tasks.swarm.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.ml.learning.LabelledImages;
import io.swarmgrid.ml.learning.ModelShape;
import io.swarmgrid.ml.learning.SgdOptions;
import io.swarmgrid.ml.learning.SoftmaxRegression;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.learning.TrainingShard;
import io.swarmgrid.tasks.learning.TrainingJobs;
import io.swarmgrid.tasks.swarm.pso.HyperParameters;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Scores hyper-parameter points on one training shard, on the member that owns the shard (sent with
 * {@code submitToKeyOwner}): for each point a softmax regression is trained on the shard's first
 * images and scored on its last {@code validationShare}, once per training seed 1..{@code repeats}
 * (the counts add up, so the score is the mean over the seeds: one shuffle's luck weighs less).
 * Seeded, so a point scores the same on any member; the images stay where they are and only the
 * counts travel back.
 */
public final class ShardScoreTask
    implements Callable<ShardScore>, IdentifiedDataSerializable, HazelcastInstanceAware {
  private transient HazelcastInstance member;
  private String dataName;
  private int shard;
  private double validationShare;
  private int repeats;
  private List<double[]> points;

  /** For deserialization. */
  public ShardScoreTask() {}

  /** Scores {@code points} on shard {@code shard} of {@code dataName}, trained once per seed. */
  public ShardScoreTask(
      String dataName, int shard, double validationShare, int repeats, List<double[]> points) {
    this.dataName = dataName;
    this.shard = shard;
    this.validationShare = validationShare;
    this.repeats = repeats;
    this.points = List.copyOf(points);
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
    this.member = hazelcastInstance;
  }

  @Override
  public ShardScore call() {
    String key = TrainingShard.key(dataName, shard);
    TrainingShard s =
        member.<String, TrainingShard>getMap(SwarmMap.LEARNING_DATA.mapName()).get(key);
    if (s == null) {
      throw new IllegalStateException("training shard " + key + " is not in the grid");
    }
    LabelledImages all = new LabelledImages(s.count(), s.rows(), s.cols(), s.pixels(), s.labels());
    int held = Math.max(1, (int) Math.round(all.count() * validationShare));
    if (held >= all.count()) {
      throw new IllegalStateException(
          "training shard " + key + " has " + all.count() + " images: too few to hold some out");
    }
    LabelledImages train = all.slice(0, all.count() - held);
    LabelledImages validation = all.slice(all.count() - held, all.count());
    SoftmaxRegression model =
        new SoftmaxRegression(new ModelShape(all.features(), TrainingJobs.CLASSES));
    int[] correct = new int[points.size()];
    for (int p = 0; p < correct.length; p++) {
      for (int seed = 1; seed <= repeats; seed++) {
        SgdOptions sgd = HyperParameters.at(points.get(p)).sgd().withSeed(seed);
        double[] w = model.train(model.initial(), train, sgd);
        for (int i = 0; i < validation.count(); i++) {
          if (model.predict(w, validation, i) == validation.label(i)) {
            correct[p]++;
          }
        }
      }
    }
    return new ShardScore(shard, validation.count() * repeats, correct);
  }

  @Override
  public int getFactoryId() {
    return SwarmTaskSerializers.FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return SwarmTaskSerializers.SHARD_SCORE_TASK;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeString(dataName);
    out.writeInt(shard);
    out.writeDouble(validationShare);
    out.writeInt(repeats);
    out.writeInt(points.size());
    for (double[] x : points) {
      out.writeDoubleArray(x);
    }
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    dataName = in.readString();
    shard = in.readInt();
    validationShare = in.readDouble();
    repeats = in.readInt();
    int n = in.readInt();
    List<double[]> read = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      read.add(in.readDoubleArray());
    }
    points = read;
  }
}
