package io.swarmgrid.client.internal;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.client.learning.LearningClient;
import io.swarmgrid.ml.learning.LabelledImages;
import io.swarmgrid.storage.learning.JobState;
import io.swarmgrid.storage.learning.LearningJob;
import io.swarmgrid.storage.learning.LearningStore;
import io.swarmgrid.storage.learning.ModelVersion;
import io.swarmgrid.storage.learning.RoundReport;
import io.swarmgrid.tasks.learning.TrainingJobSpec;
import io.swarmgrid.tasks.learning.TrainingJobs;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/** {@link LearningClient} over a Hazelcast client. */
final class HazelcastLearningClient implements LearningClient {
  private static final long POLL_NANOS = 50_000_000L;

  private final HazelcastInstance client;
  private final LearningStore store;

  HazelcastLearningClient(HazelcastInstance client) {
    this.client = client;
    this.store = new LearningStore(client);
  }

  @Override
  public void loadData(String dataName, LabelledImages images, int shards) {
    TrainingJobs.load(client, dataName, images, shards);
  }

  @Override
  public String start(TrainingJobSpec spec) {
    return TrainingJobs.start(client, spec);
  }

  @Override
  public Optional<LearningJob> job(String jobId) {
    return store.job(jobId);
  }

  @Override
  public List<RoundReport> progress(String jobId) {
    return store.reports(jobId);
  }

  @Override
  public LearningJob await(String jobId, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      LearningJob job =
          store
              .job(jobId)
              .orElseThrow(() -> new IllegalArgumentException("jobId: no job '" + jobId + "'"));
      if (job.state() != JobState.RUNNING || System.nanoTime() > end) {
        return job;
      }
      LockSupport.parkNanos(POLL_NANOS);
      if (Thread.currentThread().isInterrupted()) {
        return job;
      }
    }
  }

  @Override
  public Optional<ModelVersion> model(String jobId) {
    return store
        .job(jobId)
        .filter(j -> j.currentVersion() > 0)
        .flatMap(j -> store.version(jobId, j.currentVersion()));
  }

  @Override
  public Optional<ModelVersion> version(String jobId, int version) {
    return store.version(jobId, version);
  }

  @Override
  public List<Integer> versions(String jobId) {
    return store.versions(jobId);
  }

  @Override
  public LearningJob rollback(String jobId, int version) {
    if (store.version(jobId, version).isEmpty()) {
      throw new IllegalArgumentException(
          "version: "
              + version
              + " is not a model version of '"
              + jobId
              + "' (versions "
              + store.versions(jobId)
              + ")");
    }
    while (true) {
      LearningJob job =
          store
              .job(jobId)
              .orElseThrow(() -> new IllegalArgumentException("jobId: no job '" + jobId + "'"));
      LearningJob rolled = job.withVersion(version);
      if (store.replaceJob(job, rolled)) {
        return rolled;
      }
    }
  }
}
