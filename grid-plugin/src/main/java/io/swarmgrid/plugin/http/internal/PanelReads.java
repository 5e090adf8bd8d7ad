package io.swarmgrid.plugin.http.internal;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.learning.LearningJob;
import io.swarmgrid.storage.learning.LearningStore;
import io.swarmgrid.storage.learning.RoundReport;
import io.swarmgrid.storage.propagation.PropagationCalls;
import io.swarmgrid.storage.propagation.PropagationCounts;
import io.swarmgrid.storage.propagation.PropagationStats;
import io.swarmgrid.storage.propagation.StreamHead;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The dashboard's propagation and learning panels, read for one snapshot: stream heads with their
 * counters summed over the members, per-node budgets and what was sent within them, the newest
 * training jobs with their last round, and every round of the newest job.
 */
final class PanelReads {
  private PanelReads() {}

  /** A stream: its head and every member's counters for it, summed. */
  record StreamRow(
      String stateId,
      String source,
      long keyframeSeq,
      long deltaSeq,
      long sent,
      long bytes,
      long dropped,
      long degraded) {}

  /** A training job and what its rounds did. */
  record JobRow(
      String jobId,
      String rule,
      String state,
      int completedRounds,
      int rounds,
      int participants,
      double accuracy,
      int version,
      String message) {}

  /** Propagation counters of every member, or none if the engine is off somewhere. */
  static List<PropagationStats> propagationStats(HazelcastInstance hz) {
    try {
      return PropagationCalls.stats(hz);
    } catch (RuntimeException engineOffOrMemberGone) {
      return List.of();
    }
  }

  static List<StreamRow> streams(HazelcastInstance hz, List<PropagationStats> stats, int limit) {
    Map<String, PropagationCounts> counts = summed(stats, PropagationStats::streams);
    Map<String, StreamHead> heads = hz.getMap(SwarmMap.STREAMS.mapName());
    return heads.values().stream()
        .sorted(Comparator.comparing(StreamHead::stateId))
        .limit(limit)
        .map(
            h -> {
              PropagationCounts c = counts.get(h.stateId());
              return new StreamRow(
                  h.stateId(),
                  h.source(),
                  h.keyframe() == null ? -1 : h.keyframe().seq(),
                  h.delta() == null ? -1 : h.delta().seq(),
                  c == null ? 0 : c.sent(),
                  c == null ? 0 : c.bytes(),
                  c == null ? 0 : c.dropped(),
                  c == null ? 0 : c.degraded());
            })
        .toList();
  }

  /** Per target node: its budget and what was sent, dropped and degraded for it. */
  static List<PropagationCounts> budgets(List<PropagationStats> stats, int limit) {
    return summed(stats, PropagationStats::targets).values().stream().limit(limit).toList();
  }

  private static Map<String, PropagationCounts> summed(
      List<PropagationStats> stats, Function<PropagationStats, List<PropagationCounts>> part) {
    Map<String, PropagationCounts> sum = new TreeMap<>();
    for (PropagationStats s : stats) {
      for (PropagationCounts c : part.apply(s)) {
        sum.merge(c.key(), c, PropagationCounts::plus);
      }
    }
    return sum;
  }

  /** The newest {@code limit} jobs, newest first, each with its last round (one key read). */
  static List<JobRow> jobs(HazelcastInstance hz, List<LearningJob> newest) {
    LearningStore store = new LearningStore(hz);
    List<JobRow> rows = new ArrayList<>();
    for (LearningJob j : newest) {
      RoundReport last =
          j.completedRounds() == 0
              ? null
              : store.report(j.jobId(), j.completedRounds()).orElse(null);
      rows.add(
          new JobRow(
              j.jobId(),
              j.rule(),
              j.state().name(),
              j.completedRounds(),
              j.rounds(),
              last == null ? 0 : last.accepted().size(),
              last == null ? 0 : last.accuracy(),
              j.currentVersion(),
              j.message()));
    }
    return rows;
  }

  /** The panels' part of a snapshot. */
  static Map<String, Object> read(HazelcastInstance hz, int limit) {
    List<PropagationStats> stats = propagationStats(hz);
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("streams", streams(hz, stats, limit));
    s.put("budgets", budgets(stats, limit));
    Map<String, LearningJob> map = hz.getMap(SwarmMap.LEARNING_JOBS.mapName());
    List<LearningJob> all = new ArrayList<>(map.values());
    all.sort(Comparator.comparingLong(LearningJob::createdAt).reversed());
    List<LearningJob> newest = all.subList(0, Math.min(limit, all.size()));
    s.put("jobs", jobs(hz, newest));
    // Every round only of the newest job: reading rounds is a query over the map.
    s.put(
        "rounds",
        newest.isEmpty() ? List.of() : new LearningStore(hz).reports(newest.get(0).jobId()));
    return s;
  }
}
