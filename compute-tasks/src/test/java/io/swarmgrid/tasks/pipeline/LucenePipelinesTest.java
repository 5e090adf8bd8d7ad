package io.swarmgrid.tasks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.datamodel.Tuple2;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.workload.Bm25;
import io.swarmgrid.tasks.workload.Search;
import io.swarmgrid.tasks.workload.lucene.LuceneIndexMaps;
import io.swarmgrid.tasks.workload.lucene.LuceneShard;
import io.swarmgrid.tasks.workload.lucene.ShardedSearch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Per-member Lucene shards on 3 members rank as one index over all the documents. */
class LucenePipelinesTest {
  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(3);

  static final Path CRAN = Path.of("../deploy/samples/cranfield");

  @Test
  void memberShardsMergedByScore_rankAsOneIndex() throws Exception {
    HazelcastInstance client = cluster.newClient();
    LuceneIndexMaps index = new LuceneIndexMaps("cran");
    client
        .getJet()
        .newJob(LucenePipelines.index(SwarmSources.wholeFiles(CRAN, "cran.all.1400"), index))
        .join();
    assertThat(client.getMap(index.docs()).size()).isEqualTo(1400);
    client
        .getJet()
        .newJob(LucenePipelines.queries(CRAN.resolve("cran.qry"), index, 20, "hits", false))
        .join();
    Map<String, List<Tuple2<String, Double>>> hits = client.getMap("hits");

    List<Bm25.Query> queries = Bm25.parseQueries(Files.readString(CRAN.resolve("cran.qry")));
    try (LuceneShard single =
        LuceneShard.build(new Search().records(Files.readString(CRAN.resolve("cran.all.1400"))))) {
      ShardedSearch whole = new ShardedSearch(List.of(single));
      assertThat(hits).hasSize(queries.size());
      for (Bm25.Query q : queries) {
        List<Bm25.Hit> expected = whole.search(q.text(), 20);
        List<Tuple2<String, Double>> actual = hits.get(q.id());
        assertThat(actual)
            .extracting(Tuple2::f0)
            .as(q.id())
            .isEqualTo(expected.stream().map(Bm25.Hit::docId).toList());
        for (int i = 0; i < actual.size(); i++) {
          assertThat(actual.get(i).f1()).isCloseTo(expected.get(i).score(), within(1e-5));
        }
      }
    }
  }
}
