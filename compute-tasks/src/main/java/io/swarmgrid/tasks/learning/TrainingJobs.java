package io.swarmgrid.tasks.learning;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.ml.learning.AggregationSpec;
import io.swarmgrid.ml.learning.LabelledImages;
import io.swarmgrid.storage.learning.JobState;
import io.swarmgrid.storage.learning.LearningJob;
import io.swarmgrid.storage.learning.LearningStore;
import io.swarmgrid.storage.learning.TrainingShard;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Loads data sets into the grid as shards and starts training jobs, checking their input first. */
public final class TrainingJobs {
  /** Classes of the model every job trains: labels of a data set must be 0..9. */
  public static final int CLASSES = 10;

  private TrainingJobs() {}

  /**
   * Splits {@code images} into {@code shards} contiguous shards of near-equal size and stores them
   * as {@code dataName}; each shard lands on the member that owns its key's partition.
   *
   * @throws IllegalArgumentException naming the value, before anything is stored, for a shard count
   *     out of range or a label outside 0..{@value #CLASSES}-1 (a softmax over ten classes would
   *     silently never learn it)
   */
  public static void load(
      HazelcastInstance hz, String dataName, LabelledImages images, int shards) {
    if (shards < 1 || shards > images.count()) {
      throw new IllegalArgumentException(
          "shards must be in 1.."
              + images.count()
              + " for "
              + images.count()
              + " images, was "
              + shards);
    }
    for (int i = 0; i < images.count(); i++) {
      if (images.label(i) >= CLASSES) {
        throw new IllegalArgumentException(
            "images: label "
                + images.label(i)
                + " of image "
                + i
                + " is outside 0.."
                + (CLASSES - 1)
                + " (the model has "
                + CLASSES
                + " classes)");
      }
    }
    List<TrainingShard> out = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      int from = (int) ((long) images.count() * s / shards);
      int to = (int) ((long) images.count() * (s + 1) / shards);
      LabelledImages part = images.slice(from, to);
      out.add(
          new TrainingShard(dataName, s, part.rows(), part.cols(), part.pixels(), part.labels()));
    }
    new LearningStore(hz).putShards(out);
  }

  /**
   * Starts a job: checks that both data sets exist, that the attackers are fewer than the
   * participants, and that the rule tolerates {@code faulty} for the number of participants (one
   * per shard). Nothing is stored when a check fails.
   *
   * @return the job id
   * @throws IllegalArgumentException naming the field and value that is wrong
   */
  public static String start(HazelcastInstance hz, TrainingJobSpec spec) {
    LearningStore store = new LearningStore(hz);
    int n = store.shardCount(spec.dataName());
    if (n == 0) {
      throw new IllegalArgumentException(
          "dataName: no shards of '" + spec.dataName() + "' in swarm.learning.data");
    }
    if (store.shardCount(spec.testName()) == 0) {
      throw new IllegalArgumentException(
          "testName: no shards of '" + spec.testName() + "' in swarm.learning.data");
    }
    if (spec.attackers() > n) {
      throw new IllegalArgumentException(
          "attackers: " + spec.attackers() + " is more than the " + n + " participants");
    }
    new AggregationSpec(spec.rule(), spec.faulty(), spec.trimBeta(), 0, spec.reputationWeighted())
        .checkTolerates(n);
    String id = "job-" + UUID.randomUUID().toString().substring(0, 8);
    LearningJob job =
        new LearningJob(
            id,
            spec.dataName(),
            spec.testName(),
            spec.rule().name(),
            spec.faulty(),
            spec.trimBeta(),
            spec.reputationWeighted(),
            spec.rounds(),
            spec.epochs(),
            spec.learningRate(),
            spec.batchSize(),
            spec.attack().name(),
            spec.attackers(),
            spec.attackStrength(),
            spec.outlierFactor(),
            JobState.RUNNING,
            0,
            0,
            0,
            "",
            System.currentTimeMillis());
    store.createJob(job);
    return id;
  }
}
