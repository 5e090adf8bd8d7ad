package io.swarmgrid.tasks.swarm.pso;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import io.swarmgrid.ml.learning.FashionMnist;
import io.swarmgrid.ml.learning.LabelledImages;
import io.swarmgrid.storage.learning.LearningStore;
import io.swarmgrid.storage.learning.TrainingShard;
import io.swarmgrid.tasks.learning.TrainingJobs;
import io.swarmgrid.tasks.swarm.internal.ShardScore;
import io.swarmgrid.tasks.swarm.internal.ShardScoreTask;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A hyper-parameter search evaluated next to its data: the training set is a data set of the
 * learning engine ({@code swarm.learning.data}, loaded with {@link TrainingJobs#load}), and a batch
 * of points is sent to the member owning each shard ({@link ShardScoreTask}), which trains one
 * softmax regression per point on the shard's first images and scores it on the shard's held-out
 * last {@code validationShare}. The value is one minus the accuracy over every shard's held-out
 * images. Only counts cross the network, and since each shard is scored on its own, a point scores
 * the same whichever member owns which shard. With {@code repeats} above 1 each point is trained
 * once per shuffle seed 1..repeats and scored on the mean: the same seeds for every point (so two
 * points differ by their hyper-parameters, not by their shuffles), and one evaluation costs {@code
 * repeats} trainings per shard whichever search asks for it.
 */
public final class ShardedModelObjective implements Objective {
  /** The executor the shard evaluations run on. */
  public static final String EXECUTOR = "swarm.pso-exec";

  /** The most training seeds one evaluation may average. */
  public static final int MAX_REPEATS = 16;

  private static final long TIMEOUT_SECONDS = 120;

  private final HazelcastInstance hz;
  private final String id;
  private final String dataName;
  private final double validationShare;
  private final int repeats;

  /**
   * An objective named {@code id} over the data set {@code dataName} of the grid {@code hz}, one
   * training per point and shard.
   *
   * @throws IllegalArgumentException naming a blank id or data name, or a share outside (0, 1)
   */
  public ShardedModelObjective(
      HazelcastInstance hz, String id, String dataName, double validationShare) {
    this(hz, id, dataName, validationShare, 1);
  }

  /**
   * As above, each point trained with the shuffle seeds 1..{@code repeats} and scored on the mean.
   *
   * @throws IllegalArgumentException naming a blank id or data name, a share outside (0, 1) or
   *     repeats outside 1..{@link #MAX_REPEATS}
   */
  public ShardedModelObjective(
      HazelcastInstance hz, String id, String dataName, double validationShare, int repeats) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("objective id: '" + id + "' is blank");
    }
    if (dataName == null || dataName.isBlank()) {
      throw new IllegalArgumentException("dataName: '" + dataName + "' is blank");
    }
    if (!(validationShare > 0 && validationShare < 1)) {
      throw new IllegalArgumentException(
          "validationShare: " + validationShare + " must be above 0 and below 1");
    }
    if (repeats < 1 || repeats > MAX_REPEATS) {
      throw new IllegalArgumentException(
          "repeats: " + repeats + " must be in 1.." + MAX_REPEATS + " (objective " + id + ")");
    }
    this.hz = hz;
    this.id = id;
    this.dataName = dataName;
    this.validationShare = validationShare;
    this.repeats = repeats;
  }

  /**
   * Loads the first {@code count} Fashion-MNIST training images of {@code dir}, pooled to 14×14 as
   * {@link ModelObjective} does, into the grid as {@code shards} shards of {@code dataName}.
   */
  public static void loadFashionMnist(
      HazelcastInstance hz, String dataName, Path dir, int count, int shards) throws IOException {
    LabelledImages all = FashionMnist.load(dir).train();
    if (count < 1 || count > all.count()) {
      throw new IllegalArgumentException(
          "count: " + count + " must be in 1.." + all.count() + " (the training images)");
    }
    TrainingJobs.load(hz, dataName, ModelObjective.pool(all.slice(0, count)), shards);
  }

  @Override
  public String id() {
    return id;
  }

  /** The data set it trains on. */
  public String dataName() {
    return dataName;
  }

  /** Trainings (shuffle seeds) averaged per point and shard. */
  public int repeats() {
    return repeats;
  }

  @Override
  public double lower() {
    return 0;
  }

  @Override
  public double upper() {
    return 1;
  }

  @Override
  public double value(double[] x) {
    return values(List.of(x))[0];
  }

  /** The validation accuracy at {@code x}, over every shard's held-out images. */
  public double accuracy(double[] x) {
    return 1 - value(x);
  }

  @Override
  public double[] values(List<double[]> points) {
    if (points.isEmpty()) {
      return new double[0];
    }
    int shards = new LearningStore(hz).shardCount(dataName);
    if (shards == 0) {
      throw new IllegalStateException(
          "objective " + id + ": data set '" + dataName + "' has no shards in the grid");
    }
    IExecutorService exec = hz.getExecutorService(EXECUTOR);
    List<Future<ShardScore>> calls = new ArrayList<>(shards);
    for (int s = 0; s < shards; s++) {
      calls.add(
          exec.submitToKeyOwner(
              new ShardScoreTask(dataName, s, validationShare, repeats, points),
              TrainingShard.key(dataName, s)));
    }
    long[] correct = new long[points.size()];
    long validated = 0;
    for (Future<ShardScore> call : calls) {
      ShardScore score = await(call);
      validated += score.validated();
      int[] c = score.correct();
      for (int p = 0; p < correct.length; p++) {
        correct[p] += c[p];
      }
    }
    double[] values = new double[correct.length];
    for (int p = 0; p < values.length; p++) {
      values[p] = 1 - (double) correct[p] / validated;
    }
    return values;
  }

  private ShardScore await(Future<ShardScore> call) {
    try {
      return call.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "objective " + id + ": a shard of '" + dataName + "' failed: " + e.getCause(), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "objective " + id + ": a shard of '" + dataName + "' did not answer in 120 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("objective " + id + ": interrupted", e);
    }
  }
}
