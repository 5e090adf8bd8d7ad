package io.swarmgrid.plugin.http.internal;

import io.swarmgrid.config.TrainingConfig;
import io.swarmgrid.ml.learning.AggregationRule;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.http.ApiException;
import io.swarmgrid.plugin.http.ApiResponse;
import io.swarmgrid.plugin.http.ApiRouter;
import io.swarmgrid.plugin.http.ApiRoutes;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.learning.JobState;
import io.swarmgrid.storage.learning.LearningJob;
import io.swarmgrid.storage.learning.LearningStore;
import io.swarmgrid.tasks.learning.TrainingJobSpec;
import io.swarmgrid.tasks.learning.TrainingJobs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Training jobs: list, read, rounds and model versions; start and stop a job. */
public final class LearningApi implements ApiRoutes {
  /**
   * The body of {@code POST /learning/jobs}; what it leaves out takes the member's {@code
   * swarmgrid.learning} defaults.
   */
  record StartBody(
      String dataName,
      String testName,
      String rule,
      Integer faulty,
      Double trimBeta,
      Boolean reputationWeighted,
      Integer rounds,
      Integer epochs,
      Double learningRate,
      Integer batchSize,
      Double outlierFactor) {}

  @Override
  public void register(ApiRouter router) {
    router
        .get(
            "/learning/jobs",
            "learning",
            "every training job with its state and completed rounds",
            r -> {
              Map<String, LearningJob> jobs = r.member().getMap(SwarmMap.LEARNING_JOBS.mapName());
              List<LearningJob> all = new ArrayList<>(jobs.values());
              all.sort(Comparator.comparing(LearningJob::jobId));
              return r.page(all);
            })
        .get(
            "/learning/jobs/{id}",
            "learning",
            "one training job",
            r -> job(r.member(), r.path("id")))
        .get(
            "/learning/jobs/{id}/rounds",
            "learning",
            "what each round of a job did: accuracy, participants, rejected updates",
            r -> {
              job(r.member(), r.path("id"));
              return r.page(new LearningStore(r.member()).reports(r.path("id")));
            })
        .get(
            "/learning/jobs/{id}/versions",
            "learning",
            "the model versions a job promoted",
            r -> {
              job(r.member(), r.path("id"));
              return r.page(new LearningStore(r.member()).versions(r.path("id")));
            })
        .get(
            "/learning/jobs/{id}/versions/{version}",
            "learning",
            "one model version: its weights, accuracy and the decision that promoted it",
            r -> {
              job(r.member(), r.path("id"));
              int v = version(r.path("version"));
              return new LearningStore(r.member())
                  .version(r.path("id"), v)
                  .orElseThrow(() -> ApiException.notFound("version", v, "model version"));
            })
        .post(
            "/learning/jobs",
            "learning",
            "start a training job on data loaded into swarm.learning.data (201 with its id)",
            "{\"dataName\":\"fmnist-train\",\"testName\":\"fmnist-test\",\"rule\":\"MEDIAN\","
                + "\"faulty\":1,\"rounds\":5}",
            r -> {
              StartBody b = r.body(StartBody.class);
              TrainingJobSpec spec;
              try {
                spec = spec(b, defaults(r.member()));
              } catch (IllegalArgumentException | NullPointerException e) {
                throw new ApiException(400, "body", null, String.valueOf(e.getMessage()));
              }
              try {
                return ApiResponse.created(Map.of("jobId", TrainingJobs.start(r.member(), spec)));
              } catch (IllegalArgumentException e) {
                throw new ApiException(400, "body", null, e.getMessage());
              }
            })
        .post(
            "/learning/jobs/{id}/stop",
            "learning",
            "stop a running job after its current round (it ends FAILED, 'stopped by an operator')",
            "{}",
            r -> {
              LearningStore store = new LearningStore(r.member());
              for (int tries = 0; tries < 10; tries++) {
                LearningJob now = job(r.member(), r.path("id"));
                if (now.state() != JobState.RUNNING) {
                  return Map.of("jobId", now.jobId(), "state", now.state());
                }
                if (store.replaceJob(now, now.failed("stopped by an operator"))) {
                  return Map.of("jobId", now.jobId(), "state", JobState.FAILED);
                }
              }
              throw new ApiException(
                  409, "id", r.path("id"), "id: the job kept changing; try again");
            });
  }

  private static LearningJob job(com.hazelcast.core.HazelcastInstance hz, String id) {
    return new LearningStore(hz)
        .job(id)
        .orElseThrow(() -> ApiException.notFound("id", id, "training job"));
  }

  private static int version(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw ApiException.notFound("version", text, "model version");
    }
  }

  /** The member's {@code swarmgrid.learning} section: what a body leaves out. */
  private static TrainingConfig defaults(com.hazelcast.core.HazelcastInstance member) {
    return SwarmGrid.node(member).map(n -> n.config().learning()).orElse(TrainingConfig.DEFAULTS);
  }

  private static TrainingJobSpec spec(StartBody b, TrainingConfig defaults) {
    if (b.dataName() == null) {
      throw ApiException.badRequest("dataName", null, "is required");
    }
    if (b.testName() == null) {
      throw ApiException.badRequest("testName", null, "is required");
    }
    TrainingJobSpec.Builder s = TrainingJobSpec.builder(b.dataName(), b.testName(), defaults);
    if (b.rule() != null) {
      try {
        s.rule(AggregationRule.valueOf(b.rule().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(
            "rule", b.rule(), "is not one of " + List.of(AggregationRule.values()));
      }
    }
    if (b.faulty() != null) {
      s.faulty(b.faulty());
    }
    if (b.trimBeta() != null) {
      s.trimBeta(b.trimBeta());
    }
    if (b.reputationWeighted() != null) {
      s.reputationWeighted(b.reputationWeighted());
    }
    if (b.rounds() != null) {
      s.rounds(b.rounds());
    }
    if (b.epochs() != null) {
      s.epochs(b.epochs());
    }
    if (b.learningRate() != null) {
      s.learningRate(b.learningRate());
    }
    if (b.batchSize() != null) {
      s.batchSize(b.batchSize());
    }
    if (b.outlierFactor() != null) {
      s.outlierFactor(b.outlierFactor());
    }
    return s.build();
  }
}
