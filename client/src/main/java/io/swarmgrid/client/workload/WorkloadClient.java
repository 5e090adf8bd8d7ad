package io.swarmgrid.client.workload;

import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.pipeline.Pipeline;
import io.swarmgrid.tasks.workload.Workload;
import io.swarmgrid.tasks.workload.Workloads;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Runs the ready workloads ({@link Workloads}) as Jet jobs over files the members can read, and
 * returns their results as the same values {@link Workload#process} gives. Input files must be at
 * the same path on every member (a shared file system, or one machine). A failed run leaves nothing
 * behind: its result map is removed whatever happens.
 */
public interface WorkloadClient {

  /** The names of the ready workloads. */
  Set<String> names();

  /**
   * Runs the ready workload {@code name} over the files matching {@code glob} in {@code directory}
   * and waits for its result: a {@code WordCounts}, {@code LogReport} or {@code SearchIndex}.
   * Parameters: {@code rareBelow} (log-analysis); none for the others.
   *
   * @throws IllegalArgumentException naming the field and value: unknown workload or parameter, bad
   *     parameter value, missing directory, unreadable file, or no file matching
   */
  Serializable run(String name, Path directory, String glob, Map<String, String> parameters);

  /**
   * Runs {@code workload} (a ready one, possibly with its own parameters) over the files matching
   * {@code glob} in {@code directory} and waits for its result.
   *
   * @throws IllegalArgumentException as {@link #run(String, Path, String, Map)}
   */
  <R extends Serializable> R run(Workload<R> workload, Path directory, String glob);

  /**
   * Search batch mode: indexes the documents matching {@code documentsGlob} in {@code
   * documentsDirectory} into per-member Lucene shards (a Jet job), ranks every query of {@code
   * queriesFile} (Cranfield format, readable here and on the members) by BM25 on every shard with
   * global statistics and merges the shards' hits by score (a second Jet job; see {@code
   * LucenePipelines}), and writes the TREC run file {@code runFile} ({@code qid Q0 docid rank score
   * tag}, {@code top} per query). The run file is written whole or not at all; the index is removed
   * afterwards.
   *
   * @return the number of lines written
   * @throws IllegalArgumentException naming the field and value for bad input
   */
  long searchRun(
      Path documentsDirectory,
      String documentsGlob,
      Path queriesFile,
      Path runFile,
      int top,
      String tag);

  /** Submits a pipeline of your own: the same as {@code SwarmClient.submit}. */
  Job submit(Pipeline pipeline, JobConfig jobConfig);
}
