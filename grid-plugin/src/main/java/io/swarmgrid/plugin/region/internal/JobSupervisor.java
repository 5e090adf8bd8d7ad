package io.swarmgrid.plugin.region.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.JetService;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.config.ProcessingGuarantee;
import com.hazelcast.jet.core.JobStatus;
import io.github.resilience4j.core.IntervalFunction;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.region.ReplicationStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each link's streaming job running, from the oldest member: submits it (and, the first time
 * in this cluster, a full copy) when it is missing, and resubmits a failed one after an exponential
 * backoff. Also forgets the statuses of writers on members that left.
 */
public final class JobSupervisor {
  private static final Logger LOG = LoggerFactory.getLogger(JobSupervisor.class);

  private final Map<String, Integer> failures = new HashMap<>();
  private final Map<String, Long> retryAt = new HashMap<>();

  /** Submits the job of {@code link} unless it runs or waits out its backoff. */
  public void ensureRunning(JetService jet, Link link) {
    String name = link.streamJobName();
    Job job = jet.getJob(name);
    long now = System.currentTimeMillis();
    if (job != null && !job.getStatus().isTerminal()) {
      failures.remove(name);
      return;
    }
    if (job != null && job.getStatus() == JobStatus.FAILED) {
      int n = failures.merge(name, 1, Integer::sum);
      Long at = retryAt.get(name);
      if (at == null) {
        long wait =
            IntervalFunction.ofExponentialBackoff(
                    link.retryInitialMillis(), 2.0, link.retryMaxMillis())
                .apply(Math.min(n, 30));
        retryAt.put(name, now + wait);
        LOG.warn(
            "replication job {} failed ({} time(s)); resubmitting in {} ms: {}",
            name,
            n,
            wait,
            failureText(job));
        return;
      }
      if (now < at) {
        return;
      }
      retryAt.remove(name);
    }
    JobConfig jc =
        new JobConfig()
            .setName(name)
            .setProcessingGuarantee(ProcessingGuarantee.AT_LEAST_ONCE)
            .setSnapshotIntervalMillis(link.snapshotIntervalMillis());
    jet.newJobIfAbsent(ReplicationJobs.stream(link), jc);
    if (jet.getJob(link.syncJobName("initial")) == null) {
      jet.newJobIfAbsent(
          ReplicationJobs.fullSync(link), new JobConfig().setName(link.syncJobName("initial")));
    }
    LOG.info("replication job {} submitted", name);
  }

  /** Removes the statuses published by writers on members no longer in the cluster. */
  public static void forgetDepartedMembers(HazelcastInstance hz) {
    Set<String> alive =
        hz.getCluster().getMembers().stream()
            .map(m -> m.getUuid().toString().substring(0, 8))
            .collect(Collectors.toSet());
    var status = hz.<String, ReplicationStatus>getMap(SwarmMap.REPLICATION.mapName());
    for (String key : status.keySet()) {
      // A member's writers publish as its id, then its id and -N.
      String writer = key.substring(key.lastIndexOf('|') + 1);
      if (!alive.contains(writer.substring(0, Math.min(8, writer.length())))) {
        status.delete(key);
      }
    }
  }

  private static String failureText(Job job) {
    try {
      job.join();
      return "";
    } catch (RuntimeException e) {
      return e.getMessage();
    }
  }
}
