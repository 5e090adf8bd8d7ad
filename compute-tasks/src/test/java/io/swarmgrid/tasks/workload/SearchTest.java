package io.swarmgrid.tasks.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchTest {
  static final Path CRAN = Path.of("../deploy/samples/cranfield");
  final Search search = new Search();
  @TempDir Path dir;

  @Test
  void recordsAreWholeDocuments() throws Exception {
    List<String> docs = search.records(Files.readString(CRAN.resolve("cran.all.1400")));
    assertThat(docs).hasSize(1400);
    assertThat(docs.get(0)).startsWith(".I 1\n.T\nexperimental investigation");
    assertThat(docs).allSatisfy(d -> assertThat(d).startsWith(".I "));
    assertThat(Bm25.parseQueries(Files.readString(CRAN.resolve("cran.qry"))))
        .hasSize(225)
        .first()
        .isEqualTo(
            new Bm25.Query(
                "1",
                "what similarity laws must be obeyed when constructing"
                    + " aeroelastic models of heated high speed aircraft ."));
  }

  @Test
  void indexesTermFrequenciesAndLengths() {
    SearchIndex index =
        search.process(
            search.records(".I 1\n.T\nWing flow\n.W\nthe wing, the WING 2\n.I 2\n.W\nflow\n"));
    assertThat(index.postings().get("wing")).isEqualTo(Map.of("1", 3));
    assertThat(index.postings().get("flow")).isEqualTo(Map.of("1", 1, "2", 1));
    assertThat(index.postings()).doesNotContainKeys("the", "2", "t", "w");
    assertThat(index.docLengths()).isEqualTo(Map.of("1", 4, "2", 1));
  }

  @Test
  void randomSharesMergeToTheSingleThreadIndex() throws Exception {
    List<String> docs = search.records(Files.readString(CRAN.resolve("cran.all.1400")));
    SearchIndex whole = search.process(docs);
    for (long seed = 1; seed <= 3; seed++) {
      assertThat(Shares.processInRandomShares(search, docs, new Random(seed), 300))
          .isEqualTo(whole);
    }
  }

  @Test
  void tiesAreOrderedNumericIdsFirstThenByString() {
    List<String> ids = List.of("9", "10", "1a", "2", "100", "b", "1", "a10", "20", "a9", "3b");
    StringBuilder docs = new StringBuilder();
    for (String id : ids) {
      docs.append(".I ").append(id).append("\n.W\nwing flow\n");
    }
    SearchIndex index = search.process(search.records(docs.toString()));
    assertThat(new Bm25(index).search("wing", 100))
        .extracting(Bm25.Hit::docId)
        .containsExactly("1", "2", "9", "10", "20", "100", "1a", "3b", "a10", "a9", "b");
  }

  @Test
  void bm25RanksByTheFormula() {
    SearchIndex index =
        search.process(
            search.records(
                ".I 1\n.W\nwing wing flow\n.I 2\n.W\nflow heat\n.I 3\n.W\nheat heat heat transfer slab\n"));
    List<Bm25.Hit> hits = new Bm25(index).search("wing heat", 10);
    assertThat(hits).extracting(Bm25.Hit::docId).containsExactly("1", "3", "2");
    double avgdl = 10 / 3.0;
    double idfWing = Math.log(1 + (3 - 1 + 0.5) / (1 + 0.5));
    double expected = idfWing * 2 * 2.2 / (2 + 1.2 * (1 - 0.75 + 0.75 * 3 / avgdl));
    assertThat(hits.get(0).score()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(new Bm25(index).search("nothing matches", 10)).isEmpty();
  }

  @Test
  void batchWritesTrecRunForCranfield() throws Exception {
    SearchIndex index =
        search.process(search.records(Files.readString(CRAN.resolve("cran.all.1400"))));
    Path run = dir.resolve("cran.run");
    long lines = new Bm25(index).writeRun(CRAN.resolve("cran.qry"), run, 100, "swarmgrid-bm25");
    List<String> out = Files.readAllLines(run);
    assertThat(out).hasSize((int) lines);
    // at most 100 per query; a query with fewer matching documents gets fewer lines
    assertThat(out.stream().map(l -> l.split(" ")[0]).distinct().count()).isEqualTo(225);
    assertThat(
            out.stream()
                .collect(
                    java.util.stream.Collectors.groupingBy(
                        l -> l.split(" ")[0], java.util.stream.Collectors.counting()))
                .values())
        .allSatisfy(n -> assertThat(n).isBetween(1L, 100L));
    assertThat(out.get(0)).matches("1 Q0 \\d+ 1 \\d+\\.\\d{6} swarmgrid-bm25");
    assertThat(out.get(99)).startsWith("1 Q0 ").contains(" 100 ");
    assertThat(out.get(out.size() - 1)).startsWith("225 Q0 ");
    // for the record (no relevance judgements are shipped to check them against)
    List<String> top10 = out.subList(0, 10).stream().map(l -> l.split(" ")[2]).toList();
    System.out.println("query 1 top 10: " + top10);
    assertThat(Files.list(dir)).containsExactly(run);
  }

  @Test
  void missingQueriesFileIsNamedAndNothingWritten() throws Exception {
    SearchIndex index = search.process(search.records(".I 1\n.W\nwing\n"));
    Path run = dir.resolve("x.run");
    assertThatThrownBy(() -> new Bm25(index).writeRun(dir.resolve("nope.qry"), run, 10, "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("queries")
        .hasMessageContaining("nope.qry")
        .hasCauseInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> new Bm25(index).writeRun(dir.resolve("nope.qry"), run, 0, "t"))
        .hasMessageContaining("top: 0");
    assertThat(Files.list(dir)).isEmpty();
  }
}
