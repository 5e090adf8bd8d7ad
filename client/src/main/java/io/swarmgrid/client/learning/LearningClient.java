package io.swarmgrid.client.learning;

import io.swarmgrid.ml.learning.LabelledImages;
import io.swarmgrid.storage.learning.LearningJob;
import io.swarmgrid.storage.learning.ModelVersion;
import io.swarmgrid.storage.learning.RoundReport;
import io.swarmgrid.tasks.learning.TrainingJobSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Distributed learning (needs the learning engine on members): the training set lives in the grid
 * as shards, each member trains the shards it owns, and the job's owner aggregates every round with
 * a robust rule. See {@code docs/LEARNING.md}.
 */
public interface LearningClient {
  /**
   * Stores {@code images} as {@code shards} near-equal shards named {@code dataName} (one training
   * participant per shard); the shards land on the members that own their partitions.
   */
  void loadData(String dataName, LabelledImages images, int shards);

  /**
   * Starts a job.
   *
   * @return the job id
   * @throws IllegalArgumentException naming the field when the data is missing or the rule cannot
   *     tolerate {@code faulty} for the number of participants; nothing is stored then
   */
  String start(TrainingJobSpec spec);

  /** The job as stored (state, rounds done, current version), if any. */
  Optional<LearningJob> job(String jobId);

  /** Each completed round: accuracy, accepted and rejected updates, outliers, timings. */
  List<RoundReport> progress(String jobId);

  /**
   * Waits until the job is no longer running, at most {@code timeout}; returns it as it is then.
   */
  LearningJob await(String jobId, Duration timeout);

  /** The job's current model (the version its next round starts from), if any was promoted. */
  Optional<ModelVersion> model(String jobId);

  /** One version of the job's model. */
  Optional<ModelVersion> version(String jobId, int version);

  /** The job's model versions, ascending. */
  List<Integer> versions(String jobId);

  /**
   * Makes {@code version} the job's current model again: the next round starts from it, and {@link
   * #model} returns it.
   *
   * @throws IllegalArgumentException if the job or the version does not exist
   */
  LearningJob rollback(String jobId, int version);
}
