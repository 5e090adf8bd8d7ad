package io.swarmgrid.tasks.workload.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.swarmgrid.tasks.workload.Bm25;
import io.swarmgrid.tasks.workload.Search;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ShardedSearchTest {
  static final Path CRAN = Path.of("../deploy/samples/cranfield");
  static List<String> docs;
  static List<Bm25.Query> queries;
  static LuceneShard single;
  static List<LuceneShard> shards = new ArrayList<>();

  @BeforeAll
  static void index() throws Exception {
    docs = new Search().records(Files.readString(CRAN.resolve("cran.all.1400")));
    queries = Bm25.parseQueries(Files.readString(CRAN.resolve("cran.qry")));
    single = LuceneShard.build(docs);
    // uneven random shards, as partitions of a grid would be
    List<String> shuffled = new ArrayList<>(docs);
    Collections.shuffle(shuffled, new Random(5));
    shards.add(LuceneShard.build(shuffled.subList(0, 200)));
    shards.add(LuceneShard.build(shuffled.subList(200, 900)));
    shards.add(LuceneShard.build(shuffled.subList(900, shuffled.size())));
  }

  @AfterAll
  static void close() {
    single.close();
    shards.forEach(LuceneShard::close);
  }

  @Test
  void shardsMergedByGlobalStatistics_rankAsOneIndex() {
    ShardedSearch sharded = new ShardedSearch(shards);
    ShardedSearch whole = new ShardedSearch(List.of(single));
    assertThat(shards.stream().mapToInt(LuceneShard::documents).sum()).isEqualTo(1400);
    for (Bm25.Query q : queries) {
      List<Bm25.Hit> expected = whole.search(q.text(), 100);
      List<Bm25.Hit> actual = sharded.search(q.text(), 100);
      assertThat(actual)
          .extracting(Bm25.Hit::docId)
          .as(q.text())
          .isEqualTo(expected.stream().map(Bm25.Hit::docId).toList());
      for (int i = 0; i < actual.size(); i++) {
        assertThat(actual.get(i).score()).isCloseTo(expected.get(i).score(), within(1e-5));
      }
    }
  }

  @Test
  void withLocalStatisticsOnly_theMergedRankingWouldDiffer() {
    // the reason for the distributed-frequency step: each shard's own idf and average length
    int differing = 0;
    ShardedSearch whole = new ShardedSearch(List.of(single));
    for (Bm25.Query q : queries) {
      List<String> terms = LuceneShard.analyze(q.text());
      List<List<Bm25.Hit>> local =
          shards.stream().map(s -> s.search(terms, s.stats(terms), 10)).toList();
      if (!ShardedSearch.merge(local, 10).equals(whole.search(q.text(), 10))) {
        differing++;
      }
    }
    assertThat(differing).isGreaterThan(queries.size() / 2);
  }

  @Test
  void englishAnalysis_stemsDropsPossessivesAndStopWords_keepsNonAscii() {
    assertThat(LuceneShard.analyze("The Müller's flows over wings, and boundary-layers"))
        .containsExactly("müller", "flow", "over", "wing", "boundari", "layer");
  }

  @Test
  void topTenOverlapWithTheHandWrittenBm25_printed() {
    Bm25 old = new Bm25(new Search().process(docs));
    ShardedSearch lucene = new ShardedSearch(shards);
    double overlap = 0;
    for (Bm25.Query q : queries) {
      Set<String> a = new HashSet<>();
      old.search(q.text(), 10).forEach(h -> a.add(h.docId()));
      long same = lucene.search(q.text(), 10).stream().filter(h -> a.contains(h.docId())).count();
      overlap += same / 10.0;
    }
    overlap /= queries.size();
    System.out.printf(
        "Cranfield: mean top-10 overlap Lucene vs hand-written BM25: %.3f%n", overlap);
    assertThat(overlap).isBetween(0.3, 1.0);
  }
}
