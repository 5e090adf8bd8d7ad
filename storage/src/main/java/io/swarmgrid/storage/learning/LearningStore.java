package io.swarmgrid.storage.learning;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import io.swarmgrid.storage.SwarmMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed access to distributed learning's maps: training shards, jobs, signed updates, round reports
 * and model versions (in {@code swarm.models}, under keys {@code learning/<job>/<version>}).
 */
public final class LearningStore {
  private final IMap<String, TrainingShard> data;
  private final IMap<String, LearningJob> jobs;
  private final IMap<String, SignedUpdate> updates;
  private final IMap<String, RoundReport> rounds;
  private final IMap<String, ModelVersion> models;

  /** The store of the cluster {@code hz} belongs to. */
  public LearningStore(HazelcastInstance hz) {
    this.data = hz.getMap(SwarmMap.LEARNING_DATA.mapName());
    this.jobs = hz.getMap(SwarmMap.LEARNING_JOBS.mapName());
    this.updates = hz.getMap(SwarmMap.LEARNING_UPDATES.mapName());
    this.rounds = hz.getMap(SwarmMap.LEARNING_ROUNDS.mapName());
    this.models = hz.getMap(SwarmMap.MODELS.mapName());
  }

  /** Stores shards (replacing shards of the same data set and index). */
  public void putShards(Collection<TrainingShard> shards) {
    Map<String, TrainingShard> batch = new HashMap<>();
    for (TrainingShard s : shards) {
      batch.put(TrainingShard.key(s.dataName(), s.shard()), s);
    }
    data.putAll(batch);
  }

  /** The shards of {@code dataName} whose partitions this member owns (on a member only). */
  public List<TrainingShard> localShards(String dataName) {
    Set<String> keys = data.localKeySet(byData(dataName));
    return sortedShards(data.getAll(keys).values());
  }

  /** Every shard of {@code dataName}, by index. */
  public List<TrainingShard> shards(String dataName) {
    return sortedShards(data.values(byData(dataName)));
  }

  /** How many shards {@code dataName} has. */
  public int shardCount(String dataName) {
    return data.keySet(byData(dataName)).size();
  }

  /** Creates a job; false if one with its id exists. */
  public boolean createJob(LearningJob job) {
    return jobs.putIfAbsent(job.jobId(), job) == null;
  }

  /** The job, if any. */
  public Optional<LearningJob> job(String jobId) {
    return Optional.ofNullable(jobs.get(jobId));
  }

  /** Replaces {@code current} with {@code next} if the stored job is still {@code current}. */
  public boolean replaceJob(LearningJob current, LearningJob next) {
    return jobs.replace(current.jobId(), current, next);
  }

  /** Running jobs whose entries this member owns (on a member only). */
  public List<LearningJob> localRunningJobs() {
    Set<String> keys = jobs.localKeySet(Predicates.equal("state", JobState.RUNNING.name()));
    return new ArrayList<>(jobs.getAll(keys).values());
  }

  /**
   * Stores the update of training shard {@code shard} for its round attempt; false if the shard
   * already has one. Keyed by shard, not by participant: when the shard's partition migrates during
   * an attempt, its old and new owners may both train it, and only the first update counts.
   */
  public boolean submit(int shard, SignedUpdate u) {
    return updates.putIfAbsent(SignedUpdate.key(u.jobId(), u.round(), u.attempt(), shard), u)
        == null;
  }

  /** The updates of one round attempt, by participant. */
  public List<SignedUpdate> updates(String jobId, int round, int attempt) {
    Predicate<String, SignedUpdate> p =
        Predicates.and(
            Predicates.equal("jobId", jobId),
            Predicates.equal("round", round),
            Predicates.equal("attempt", attempt));
    return updates.values(p).stream()
        .sorted(Comparator.comparing(SignedUpdate::participant))
        .toList();
  }

  /** Removes every update of a round (all attempts), once it is aggregated. */
  public void removeUpdates(String jobId, int round) {
    updates.removeAll(
        Predicates.and(Predicates.equal("jobId", jobId), Predicates.equal("round", round)));
  }

  /** Stores a round report once; false if the round has one already. */
  public boolean putReport(RoundReport r) {
    return rounds.putIfAbsent(RoundReport.key(r.jobId(), r.round()), r) == null;
  }

  /** A round's report, if the round completed. */
  public Optional<RoundReport> report(String jobId, int round) {
    return Optional.ofNullable(rounds.get(RoundReport.key(jobId, round)));
  }

  /** Every report of a job, by round. */
  public List<RoundReport> reports(String jobId) {
    return rounds.values(Predicates.equal("jobId", jobId)).stream()
        .sorted(Comparator.comparingInt(RoundReport::round))
        .toList();
  }

  /** Stores a model version once; false if the version exists. */
  public boolean putVersion(ModelVersion m) {
    return models.putIfAbsent(ModelVersion.key(m.jobId(), m.version()), m) == null;
  }

  /** One model version of a job. */
  public Optional<ModelVersion> version(String jobId, int version) {
    return Optional.ofNullable(models.get(ModelVersion.key(jobId, version)));
  }

  /**
   * The version numbers of a job's models, ascending (a key query: swarm.models holds other types).
   */
  public List<Integer> versions(String jobId) {
    String prefix = "learning/" + jobId + "/";
    return models.keySet(Predicates.like("__key", prefix + "%")).stream()
        .map(k -> k.substring(prefix.length()))
        .filter(v -> v.chars().allMatch(Character::isDigit) && !v.isEmpty())
        .map(Integer::parseInt)
        .sorted()
        .toList();
  }

  private static Predicate<String, TrainingShard> byData(String dataName) {
    return Predicates.equal("dataName", dataName);
  }

  private static List<TrainingShard> sortedShards(Collection<TrainingShard> shards) {
    return shards.stream().sorted(Comparator.comparingInt(TrainingShard::shard)).toList();
  }
}
