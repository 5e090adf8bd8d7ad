package io.swarmgrid.storage.learning;

import java.util.Objects;

/**
 * A training job in {@code swarm.learning.jobs}, key {@link #jobId}: what to train on, how to
 * aggregate, which participants attack (tests and benchmarks), and how far it got. Run by the
 * member that owns the entry; if that member dies, the next owner resumes at {@code completedRounds
 * + 1} with a new attempt. Compact type name {@code swarmgrid.LearningJob}.
 *
 * @param jobId unique id
 * @param dataName training set in {@code swarm.learning.data}; one participant per shard
 * @param testName held-out set in {@code swarm.learning.data}, for each round's accuracy
 * @param rule aggregation rule name ({@code MEAN}, {@code MEDIAN}, {@code TRIMMED_MEAN}, {@code
 *     KRUM}, {@code MULTI_KRUM})
 * @param faulty faulty participants the rule must tolerate
 * @param trimBeta the trimmed mean's beta
 * @param reputationWeighted whether updates are weighted by their participant's reputation
 * @param rounds rounds to run
 * @param epochs local passes over a shard per round
 * @param learningRate local SGD step
 * @param batchSize local SGD minibatch
 * @param attack attack name of the poisoned participants ({@code NONE}, {@code SIGN_FLIP}, ...)
 * @param attackers shards whose participants attack: shards {@code 0 .. attackers - 1}
 * @param attackStrength the attack's scale / noise / z
 * @param outlierFactor an update further than this times the median distance from the aggregate is
 *     filed as evidence (0: never)
 * @param state where the job is
 * @param completedRounds rounds aggregated so far
 * @param attempt last attempt started (a round is retried with a new attempt)
 * @param currentVersion model version the next round starts from (0: the zero model)
 * @param message why the job failed, or empty
 * @param createdAt epoch millis
 */
public record LearningJob(
    String jobId,
    String dataName,
    String testName,
    String rule,
    int faulty,
    double trimBeta,
    boolean reputationWeighted,
    int rounds,
    int epochs,
    double learningRate,
    int batchSize,
    String attack,
    int attackers,
    double attackStrength,
    double outlierFactor,
    JobState state,
    int completedRounds,
    int attempt,
    int currentVersion,
    String message,
    long createdAt) {

  /** Checks the required fields. */
  public LearningJob {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(dataName, "dataName");
    Objects.requireNonNull(testName, "testName");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(attack, "attack");
    Objects.requireNonNull(state, "state");
    message = message == null ? "" : message;
  }

  /** The job after a started attempt. */
  public LearningJob withAttempt(int a) {
    return new LearningJob(
        jobId,
        dataName,
        testName,
        rule,
        faulty,
        trimBeta,
        reputationWeighted,
        rounds,
        epochs,
        learningRate,
        batchSize,
        attack,
        attackers,
        attackStrength,
        outlierFactor,
        state,
        completedRounds,
        a,
        currentVersion,
        message,
        createdAt);
  }

  /** The job after a completed round that produced {@code version}. */
  public LearningJob withRound(int round, int version) {
    JobState s = round >= rounds ? JobState.DONE : JobState.RUNNING;
    return new LearningJob(
        jobId,
        dataName,
        testName,
        rule,
        faulty,
        trimBeta,
        reputationWeighted,
        rounds,
        epochs,
        learningRate,
        batchSize,
        attack,
        attackers,
        attackStrength,
        outlierFactor,
        s,
        round,
        attempt,
        version,
        message,
        createdAt);
  }

  /** The job starting its next round from {@code version} (a rollback). */
  public LearningJob withVersion(int version) {
    return new LearningJob(
        jobId,
        dataName,
        testName,
        rule,
        faulty,
        trimBeta,
        reputationWeighted,
        rounds,
        epochs,
        learningRate,
        batchSize,
        attack,
        attackers,
        attackStrength,
        outlierFactor,
        state,
        completedRounds,
        attempt,
        version,
        message,
        createdAt);
  }

  /** The job failed with {@code why}. */
  public LearningJob failed(String why) {
    return new LearningJob(
        jobId,
        dataName,
        testName,
        rule,
        faulty,
        trimBeta,
        reputationWeighted,
        rounds,
        epochs,
        learningRate,
        batchSize,
        attack,
        attackers,
        attackStrength,
        outlierFactor,
        JobState.FAILED,
        completedRounds,
        attempt,
        currentVersion,
        why,
        createdAt);
  }
}
