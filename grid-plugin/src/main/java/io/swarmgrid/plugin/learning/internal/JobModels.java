package io.swarmgrid.plugin.learning.internal;

import io.swarmgrid.ml.learning.AggregationRule;
import io.swarmgrid.ml.learning.AggregationSpec;
import io.swarmgrid.ml.learning.LabelledImages;
import io.swarmgrid.ml.learning.ModelShape;
import io.swarmgrid.storage.learning.LearningJob;
import io.swarmgrid.storage.learning.LearningStore;
import io.swarmgrid.storage.learning.ModelVersion;
import io.swarmgrid.storage.learning.TrainingShard;
import io.swarmgrid.tasks.learning.TrainingJobs;
import java.io.ByteArrayOutputStream;
import java.util.List;

/** Turns a job's stored values into the model types of {@code ml-models}. */
final class JobModels {
  /** Classes of every job's model (Fashion-MNIST's ten). */
  static final int CLASSES = TrainingJobs.CLASSES;

  private JobModels() {}

  static ModelShape shape(TrainingShard any) {
    return new ModelShape(any.rows() * any.cols(), CLASSES);
  }

  static AggregationSpec spec(LearningJob job) {
    return new AggregationSpec(
        AggregationRule.valueOf(job.rule()),
        job.faulty(),
        job.trimBeta(),
        0,
        job.reputationWeighted());
  }

  static LabelledImages images(TrainingShard s) {
    return new LabelledImages(s.count(), s.rows(), s.cols(), s.pixels(), s.labels());
  }

  static LabelledImages concat(List<TrainingShard> shards) {
    if (shards.isEmpty()) {
      throw new IllegalArgumentException("no shards");
    }
    ByteArrayOutputStream px = new ByteArrayOutputStream();
    ByteArrayOutputStream lb = new ByteArrayOutputStream();
    int n = 0;
    for (TrainingShard s : shards) {
      px.writeBytes(s.pixels());
      lb.writeBytes(s.labels());
      n += s.count();
    }
    TrainingShard first = shards.get(0);
    return new LabelledImages(n, first.rows(), first.cols(), px.toByteArray(), lb.toByteArray());
  }

  /** The weights the job's next round starts from. */
  static double[] current(LearningStore store, LearningJob job, ModelShape shape) {
    if (job.currentVersion() == 0) {
      return new double[shape.size()];
    }
    return store
        .version(job.jobId(), job.currentVersion())
        .map(ModelVersion::weights)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "model version "
                        + job.currentVersion()
                        + " of "
                        + job.jobId()
                        + " is missing"));
  }
}
