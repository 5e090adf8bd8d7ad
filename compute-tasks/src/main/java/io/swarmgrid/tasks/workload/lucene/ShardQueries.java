package io.swarmgrid.tasks.workload.lucene;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.datamodel.Tuple3;
import com.hazelcast.jet.pipeline.SourceBuilder;
import io.swarmgrid.tasks.workload.Bm25;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The state of one member's query source: ranks every query against the member's shard with the
 * global statistics and emits {@code (queryId, docId, score)}, the shard's {@code top} best per
 * query.
 */
public final class ShardQueries {
  private static final int QUERIES_PER_CALL = 16;

  private final HazelcastInstance hz;
  private final LuceneIndexMaps index;
  private final LuceneShard shard;
  private final List<Bm25.Query> queries;
  private final int top;
  private final boolean dropShard;
  private int next;

  /**
   * Reads the queries file and gets (or builds) this member's shard; with {@code dropShard}, the
   * shard is closed and forgotten after the last query (a one-off search whose maps are removed).
   */
  public ShardQueries(
      HazelcastInstance hz, LuceneIndexMaps index, String queriesFile, int top, boolean dropShard) {
    this.hz = hz;
    this.dropShard = dropShard;
    this.index = index;
    this.top = top;
    try {
      this.queries =
          Bm25.parseQueries(Files.readString(Path.of(queriesFile), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("queries: cannot read '" + queriesFile + "'", e);
    }
    this.shard = MemberShards.local(hz, index);
  }

  /** Emits the hits of the next few queries; closes the buffer after the last. */
  public void fill(SourceBuilder.SourceBuffer<Tuple3<String, String, Double>> buffer) {
    int end = Math.min(queries.size(), next + QUERIES_PER_CALL);
    for (; next < end; next++) {
      Bm25.Query q = queries.get(next);
      List<String> terms = LuceneShard.analyze(q.text());
      ShardStats global = index.globalStats(hz, terms);
      for (Bm25.Hit hit : shard.search(terms, global, top)) {
        buffer.add(Tuple3.tuple3(q.id(), hit.docId(), hit.score()));
      }
    }
    if (next >= queries.size()) {
      buffer.close();
      if (dropShard) {
        MemberShards.drop(hz, index);
      }
    }
  }
}
