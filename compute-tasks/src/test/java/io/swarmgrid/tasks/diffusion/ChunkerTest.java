package io.swarmgrid.tasks.diffusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmgrid.tasks.workload.Search;
import io.swarmgrid.tasks.workload.SearchIndex;
import io.swarmgrid.tasks.workload.WordCount;
import io.swarmgrid.tasks.workload.WordCounts;
import io.swarmgrid.tasks.workload.Workload;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Chunks end at record boundaries for any workload: seeded random inputs, lines and multi-line
 * records.
 */
class ChunkerTest {
  static List<String> chunks(Workload<?> w, String text, int size) throws IOException {
    List<String> out = new ArrayList<>();
    Chunker.chunk(w, new StringReader(text), size, out::add);
    return out;
  }

  static String randomText(Random r) {
    StringBuilder sb = new StringBuilder();
    int lines = r.nextInt(400);
    for (int i = 0; i < lines; i++) {
      int len = r.nextInt(r.nextInt(10) == 0 ? 3000 : 80);
      for (int c = 0; c < len; c++) {
        sb.append(r.nextInt(6) == 0 ? ' ' : (char) ('a' + r.nextInt(26)));
      }
      sb.append(r.nextBoolean() ? "\n" : "\r\n");
    }
    if (r.nextBoolean() && sb.length() > 0) {
      sb.setLength(sb.length() - 1);
    }
    return sb.toString();
  }

  @Test
  void lines_chunksJoinToTheInput_neverSplitALine_andCountTheSame() throws IOException {
    WordCount w = new WordCount();
    for (long seed = 0; seed < 200; seed++) {
      Random r = new Random(seed);
      String text = randomText(r);
      int size = 64 + r.nextInt(2048);
      List<String> chunks = chunks(w, text, size);
      assertThat(String.join("", chunks))
          .as("seed %d", seed)
          .isEqualTo(text.isBlank() && chunks.isEmpty() ? "" : text);
      List<String> records = new ArrayList<>();
      WordCounts merged = w.empty();
      for (String c : chunks) {
        records.addAll(w.records(c));
        merged = w.merge(merged, w.process(w.records(c)));
      }
      assertThat(records).as("seed %d", seed).isEqualTo(w.records(text));
      assertThat(merged).as("seed %d", seed).isEqualTo(w.process(w.records(text)));
    }
  }

  /** Records that span lines: a document starts at a line ".I n". */
  static final class Documents implements Workload<Integer> {
    private static final long serialVersionUID = 1L;

    @Override
    public String name() {
      return "documents";
    }

    @Override
    public List<String> records(String text) {
      List<String> docs = new ArrayList<>(Arrays.asList(text.split("(?m)^(?=\\.I )")));
      docs.removeIf(String::isEmpty);
      return docs;
    }

    @Override
    public Integer empty() {
      return 0;
    }

    @Override
    public Integer process(List<String> records) {
      return records.size();
    }

    @Override
    public Integer merge(Integer left, Integer right) {
      return left + right;
    }
  }

  @Test
  void multiLineRecords_areNeverSplitBetweenChunks() throws IOException {
    Documents w = new Documents();
    for (long seed = 0; seed < 100; seed++) {
      Random r = new Random(seed);
      StringBuilder sb = new StringBuilder();
      int docs = 1 + r.nextInt(60);
      for (int d = 0; d < docs; d++) {
        sb.append(".I ").append(d).append('\n');
        int lines = 1 + r.nextInt(20);
        for (int l = 0; l < lines; l++) {
          sb.append("line ").append(r.nextInt(1000)).append('\n');
        }
      }
      String text = sb.toString();
      List<String> chunks = chunks(w, text, 50 + r.nextInt(500));
      assertThat(String.join("", chunks)).isEqualTo(text);
      List<String> records = new ArrayList<>();
      chunks.forEach(c -> records.addAll(w.records(c)));
      assertThat(records).as("seed %d", seed).isEqualTo(w.records(text)).hasSize(docs);
      assertThat(chunks).allSatisfy(c -> assertThat(c).startsWith(".I "));
    }
  }

  @Test
  void search_overCranfield_chunkedAndMerged_equalsOneThread() throws IOException {
    Search w = new Search();
    String text =
        java.nio.file.Files.readString(
            java.nio.file.Path.of("../deploy/samples/cranfield/cran.all.1400"));
    SearchIndex whole = w.process(w.records(text));
    for (int size : new int[] {4096, 64 * 1024}) {
      List<String> chunks = chunks(w, text, size);
      assertThat(String.join("", chunks)).isEqualTo(text);
      SearchIndex merged = w.empty();
      for (String c : chunks) {
        merged = w.merge(merged, w.process(w.records(c)));
      }
      assertThat(merged).as("chunks of %d chars", size).isEqualTo(whole);
    }
  }
}
