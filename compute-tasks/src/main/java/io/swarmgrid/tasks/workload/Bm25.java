package io.swarmgrid.tasks.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Okapi BM25 ranking over a {@link SearchIndex}: for each query term t in document d, {@code idf(t)
 * * tf * (k1 + 1) / (tf + k1 * (1 - b + b * |d| / avgdl))} with {@code idf(t) = ln(1 + (N - df +
 * 0.5) / (df + 0.5))} (the Robertson-Sparck Jones weight, kept positive as in Lucene). A query term
 * repeated counts once per occurrence. Ties are broken by document id: ids of digits only first,
 * numerically, then the others in string order.
 */
public final class Bm25 {
  /** Default k1. */
  public static final double K1 = 1.2;

  /** Default b. */
  public static final double B = 0.75;

  private final SearchIndex index;
  private final double k1;
  private final double b;
  private final double avgdl;

  /** With {@link #K1} and {@link #B}. */
  public Bm25(SearchIndex index) {
    this(index, K1, B);
  }

  /** With the given parameters. */
  public Bm25(SearchIndex index, double k1, double b) {
    if (!(k1 >= 0)) {
      throw new IllegalArgumentException("bm25.k1: " + k1 + " is out of range; allowed >= 0");
    }
    if (!(b >= 0 && b <= 1)) {
      throw new IllegalArgumentException("bm25.b: " + b + " is out of range; allowed 0..1");
    }
    this.index = index;
    this.k1 = k1;
    this.b = b;
    this.avgdl = index.averageLength();
  }

  /** One ranked document. */
  public record Hit(String docId, double score) implements java.io.Serializable {}

  /** One query: its id and text. */
  public record Query(String id, String text) implements java.io.Serializable {}

  /**
   * The {@code top} best documents for {@code query}, best first; documents scoring 0 are left out.
   */
  public List<Hit> search(String query, int top) {
    Map<String, Double> scores = new HashMap<>();
    int n = index.documents();
    for (String term : Search.terms(query)) {
      Map<String, Integer> docs = index.postings().get(term);
      if (docs == null) {
        continue;
      }
      double idf = Math.log(1 + (n - docs.size() + 0.5) / (docs.size() + 0.5));
      docs.forEach(
          (doc, tf) -> {
            double norm = k1 * (1 - b + b * index.docLengths().get(doc) / avgdl);
            scores.merge(doc, idf * tf * (k1 + 1) / (tf + norm), Double::sum);
          });
    }
    return scores.entrySet().stream()
        .map(e -> new Hit(e.getKey(), e.getValue()))
        .sorted(
            Comparator.comparingDouble(Hit::score)
                .reversed()
                .thenComparing(Hit::docId, Bm25::compareIds))
        .limit(top)
        .toList();
  }

  /**
   * A total order on document ids: ids made of digits only come first, in numeric order (shorter
   * first, then by string, so no overflow), then the other ids in string order.
   */
  private static int compareIds(String a, String c) {
    boolean numA = isNumber(a);
    boolean numC = isNumber(c);
    if (numA != numC) {
      return numA ? -1 : 1;
    }
    if (numA && a.length() != c.length()) {
      return Integer.compare(a.length(), c.length());
    }
    return a.compareTo(c);
  }

  private static boolean isNumber(String id) {
    return !id.isEmpty() && id.chars().allMatch(ch -> ch >= '0' && ch <= '9');
  }

  /**
   * Queries in the Cranfield format ({@code .I} then {@code .W} and the text). The n-th query in
   * the text gets id {@code n} (the ids in {@code cran.qry} are not consecutive; the relevance
   * judgements number the queries 1..225 in file order).
   */
  public static List<Query> parseQueries(String text) {
    List<Query> queries = new ArrayList<>();
    for (String doc : new Search().records(text)) {
      String body =
          doc.lines()
              .skip(1)
              .filter(l -> !l.strip().equals(".W"))
              .reduce("", (x, y) -> x + " " + y)
              .strip();
      queries.add(new Query(Integer.toString(queries.size() + 1), body));
    }
    return queries;
  }

  /**
   * Runs every query of {@code queriesFile} (Cranfield format) and writes a TREC run file {@code
   * qid Q0 docid rank score tag}, ranks from 1, the {@code top} best per query. The run is written
   * to a temporary file next to {@code runFile} and moved into place when complete, so on an error
   * there is no half-written run (and an existing one is left as it was).
   *
   * @return the number of lines written
   * @throws IllegalArgumentException naming the field and value if the queries file is missing or
   *     unreadable, {@code top} is under 1 or {@code tag} is blank or has white space
   */
  public long writeRun(Path queriesFile, Path runFile, int top, String tag) {
    return writeRun(
        queriesFile,
        runFile,
        top,
        tag,
        queries -> {
          Map<String, List<Hit>> hits = new HashMap<>();
          queries.forEach(q -> hits.put(q.id(), search(q.text(), top)));
          return hits;
        });
  }

  /**
   * As {@link #writeRun(Path, Path, int, String)}, with the hits of every query (by query id, best
   * first, at most {@code top}) given by {@code ranker}, called once with all the queries after the
   * arguments are checked: for rankings made elsewhere, such as the distributed Lucene search.
   */
  public static long writeRun(
      Path queriesFile,
      Path runFile,
      int top,
      String tag,
      Function<List<Query>, Map<String, List<Hit>>> ranker) {
    if (top < 1) {
      throw new IllegalArgumentException("top: " + top + " is out of range; allowed >= 1");
    }
    if (tag == null || tag.isBlank() || tag.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("tag: '" + tag + "' must be one word");
    }
    String text;
    try {
      text = Files.readString(queriesFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "queries: cannot read '" + queriesFile + "': " + e.getClass().getSimpleName(), e);
    }
    List<Query> queries = parseQueries(text);
    Map<String, List<Hit>> ranked = ranker.apply(queries);
    Path dir = runFile.toAbsolutePath().getParent();
    Path temp = null;
    long written = 0;
    try {
      temp = Files.createTempFile(dir, runFile.getFileName().toString(), ".part");
      try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        for (Query q : queries) {
          int rank = 1;
          for (Hit hit : ranked.getOrDefault(q.id(), List.of()).stream().limit(top).toList()) {
            out.write(
                String.format(
                    Locale.ROOT,
                    "%s Q0 %s %d %.6f %s%n",
                    q.id(),
                    hit.docId(),
                    rank++,
                    hit.score(),
                    tag));
            written++;
          }
        }
      }
      Files.move(
          temp, runFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      temp = null;
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("run: cannot write '" + runFile + "'", e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the temporary file is left; the run file is untouched
        }
      }
    }
  }
}
