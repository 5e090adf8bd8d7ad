package io.swarmgrid.client.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.datamodel.Tuple2;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.map.IMap;
import io.swarmgrid.client.workload.WorkloadClient;
import io.swarmgrid.tasks.pipeline.InputCheck;
import io.swarmgrid.tasks.pipeline.LucenePipelines;
import io.swarmgrid.tasks.pipeline.SwarmPipelines;
import io.swarmgrid.tasks.pipeline.SwarmSources;
import io.swarmgrid.tasks.workload.Bm25;
import io.swarmgrid.tasks.workload.LogAnalysis;
import io.swarmgrid.tasks.workload.Search;
import io.swarmgrid.tasks.workload.WordCount;
import io.swarmgrid.tasks.workload.Workload;
import io.swarmgrid.tasks.workload.Workloads;
import io.swarmgrid.tasks.workload.lucene.LuceneIndexMaps;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** {@link WorkloadClient} over a Hazelcast client. */
final class HazelcastWorkloadClient implements WorkloadClient {
  private static final String EXECUTOR = "swarm.exec";
  private static final String RESULT_PREFIX = "swarm.workload.run.";

  private final HazelcastInstance client;

  HazelcastWorkloadClient(HazelcastInstance client) {
    this.client = client;
  }

  @Override
  public Set<String> names() {
    return Workloads.names();
  }

  @Override
  public Serializable run(
      String name, Path directory, String glob, Map<String, String> parameters) {
    Workload<?> workload = Workloads.byName(name);
    Map<String, String> params = new HashMap<>(parameters == null ? Map.of() : parameters);
    if (workload instanceof LogAnalysis) {
      String rare = params.remove("rareBelow");
      if (rare != null) {
        try {
          workload = new LogAnalysis(Integer.parseInt(rare.strip()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "parameters.rareBelow: '" + rare + "' is not a whole number", e);
        }
      }
    }
    if (!params.isEmpty()) {
      throw new IllegalArgumentException(
          "parameters: unknown "
              + params.keySet()
              + " for workload '"
              + name
              + "'"
              + (workload instanceof LogAnalysis ? "; known: [rareBelow]" : "; it takes none"));
    }
    return run(workload, directory, glob);
  }

  @Override
  public <R extends Serializable> R run(Workload<R> workload, Path directory, String glob) {
    if (workload == null || !Workloads.names().contains(workload.name())) {
      throw new IllegalArgumentException(
          "workload: '"
              + (workload == null ? null : workload.name())
              + "' is not a ready workload; known: "
              + Workloads.names());
    }
    int parallelism = localParallelism(check(directory, glob).cores());
    String sink = RESULT_PREFIX + UUID.randomUUID();
    IMap<String, R> results = client.getMap(sink);
    try {
      Pipeline pipeline;
      if (workload instanceof Search) {
        pipeline =
            SwarmPipelines.workload(SwarmSources.wholeFiles(directory, glob), workload, sink);
      } else if (workload instanceof WordCount) {
        // one item per block of raw bytes, counted into one table per processor, tables combined
        // once
        pipeline =
            SwarmPipelines.wordCountOfBytes(
                SwarmSources.byteBlocks(directory, glob), sink, parallelism);
      } else if (workload instanceof LogAnalysis analysis) {
        pipeline =
            SwarmPipelines.logAnalysisOfBytes(
                SwarmSources.byteBlocks(directory, glob), analysis, sink, parallelism);
      } else {
        pipeline =
            SwarmPipelines.lineWorkload(SwarmSources.textFiles(directory, glob), workload, sink);
      }
      client
          .getJet()
          .newJob(pipeline, new JobConfig().setName("workload " + workload.name() + " " + sink))
          .join();
      R result = results.get(workload.name());
      return result != null ? result : workload.empty();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "workload '"
              + workload.name()
              + "' over '"
              + glob
              + "' in '"
              + directory
              + "' failed: "
              + e.getMessage(),
          e);
    } finally {
      results.destroy();
    }
  }

  @Override
  public long searchRun(
      Path documentsDirectory,
      String documentsGlob,
      Path queriesFile,
      Path runFile,
      int top,
      String tag) {
    if (top < 1) {
      throw new IllegalArgumentException("top: " + top + " is out of range; allowed >= 1");
    }
    check(documentsDirectory, documentsGlob);
    return Bm25.writeRun(
        queriesFile,
        runFile,
        top,
        tag,
        queries -> rankByLucene(documentsDirectory, documentsGlob, queriesFile, top));
  }

  /**
   * Indexes the documents into per-member Lucene shards and ranks the queries on all of them
   * ({@link LucenePipelines}); the index's maps and shards are removed afterwards.
   */
  private Map<String, List<Bm25.Hit>> rankByLucene(
      Path directory, String glob, Path queriesFile, int top) {
    String id = RESULT_PREFIX + UUID.randomUUID();
    LuceneIndexMaps index = new LuceneIndexMaps(id);
    IMap<String, List<Tuple2<String, Double>>> results = client.getMap(id + ".hits");
    try {
      client
          .getJet()
          .newJob(
              LucenePipelines.index(SwarmSources.wholeFiles(directory, glob), index),
              new JobConfig().setName("search index " + id))
          .join();
      client
          .getJet()
          .newJob(
              LucenePipelines.queries(queriesFile, index, top, results.getName(), true),
              new JobConfig().setName("search queries " + id))
          .join();
      Map<String, List<Bm25.Hit>> hits = new HashMap<>();
      results.forEach(
          (qid, list) ->
              hits.put(qid, list.stream().map(h -> new Bm25.Hit(h.f0(), h.f1())).toList()));
      return hits;
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "search over '" + glob + "' in '" + directory + "' failed: " + e.getMessage(), e);
    } finally {
      results.destroy();
      index.all().forEach(name -> client.getMap(name).destroy());
    }
  }

  @Override
  public Job submit(Pipeline pipeline, JobConfig jobConfig) {
    return client.getJet().newJob(pipeline, jobConfig);
  }

  /**
   * Readers and counters per member for the block pipelines: Jet's default (-1, one per core of the
   * member) when every member has its host to itself, else the member's cores shared among the most
   * members on one host, at least 1 (3 members on one 2-core machine would otherwise run 6 readers
   * and 6 counters on 2 cores).
   */
  private int localParallelism(int memberCores) {
    long most =
        client.getCluster().getMembers().stream()
            .collect(Collectors.groupingBy(m -> m.getAddress().getHost(), Collectors.counting()))
            .values()
            .stream()
            .mapToLong(Long::longValue)
            .max()
            .orElse(1);
    return most <= 1 ? -1 : (int) Math.max(1, memberCores / most);
  }

  private InputCheck.Listing check(Path directory, String glob) {
    if (directory == null) {
      throw new IllegalArgumentException("input.directory: null; a directory is required");
    }
    if (glob == null || glob.isBlank()) {
      throw new IllegalArgumentException("input.glob: '" + glob + "' is blank");
    }
    InputCheck.Listing listing;
    try {
      listing =
          client
              .getExecutorService(EXECUTOR)
              .submit(new InputCheck(directory.toAbsolutePath().toString(), glob))
              .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("input check interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("input check of '" + directory + "' failed: " + e, e);
    }
    if (listing.error() != null) {
      throw new IllegalArgumentException(listing.error());
    }
    return listing;
  }
}
