package io.swarmgrid.tasks.workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds an inverted index of documents in the Cranfield format: a document starts at a line {@code
 * .I id}; its other lines are fields ({@code .T}, {@code .A}, {@code .B}, {@code .W} markers) and
 * their text. Every field's text is indexed ({@link #terms}); the document id is the text after
 * {@code .I}. Text before the first {@code .I} is ignored. Rank with {@link Bm25}.
 */
public final class Search implements Workload<SearchIndex> {
  private static final long serialVersionUID = 1L;

  /** The name this workload is registered under. */
  public static final String NAME = "search";

  /** Words never indexed nor searched. */
  public static final Set<String> STOP_WORDS =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "been", "by", "can", "do", "for", "from",
          "has", "have", "how", "in", "is", "it", "its", "of", "on", "or", "that", "the", "this",
          "to", "was", "were", "what", "which", "with", "there", "these", "those", "any", "such",
          "not");

  @Override
  public String name() {
    return NAME;
  }

  /** Splits at lines starting {@code .I}; each record is one whole document. */
  @Override
  public List<String> records(String text) {
    List<String> docs = new ArrayList<>();
    StringBuilder doc = null;
    for (String line : (Iterable<String>) text.lines()::iterator) {
      if (line.startsWith(".I")) {
        if (doc != null) {
          docs.add(doc.toString());
        }
        doc = new StringBuilder();
      }
      if (doc != null) {
        doc.append(line).append('\n');
      }
    }
    if (doc != null) {
      docs.add(doc.toString());
    }
    return docs;
  }

  @Override
  public SearchIndex empty() {
    return new SearchIndex(Map.of(), Map.of());
  }

  @Override
  public SearchIndex process(List<String> records) {
    Map<String, Map<String, Integer>> postings = new HashMap<>();
    Map<String, Integer> lengths = new HashMap<>();
    for (String doc : records) {
      List<String> lines = doc.lines().toList();
      if (lines.isEmpty() || !lines.get(0).startsWith(".I")) {
        continue;
      }
      String id = lines.get(0).substring(2).strip();
      int length = 0;
      for (String line : lines.subList(1, lines.size())) {
        if (line.length() >= 2
            && line.charAt(0) == '.'
            && Character.isLetter(line.charAt(1))
            && line.strip().length() == 2) {
          continue;
        }
        for (String term : terms(line)) {
          postings.computeIfAbsent(term, t -> new HashMap<>()).merge(id, 1, Integer::sum);
          length++;
        }
      }
      lengths.merge(id, length, Integer::sum);
    }
    return new SearchIndex(postings, lengths);
  }

  @Override
  public SearchIndex merge(SearchIndex left, SearchIndex right) {
    Map<String, Map<String, Integer>> postings = new HashMap<>();
    for (SearchIndex index : List.of(left, right)) {
      index
          .postings()
          .forEach(
              (term, docs) -> {
                Map<String, Integer> merged = postings.computeIfAbsent(term, t -> new HashMap<>());
                docs.forEach((doc, tf) -> merged.merge(doc, tf, Integer::sum));
              });
    }
    Map<String, Integer> lengths = new HashMap<>(left.docLengths());
    right.docLengths().forEach((doc, n) -> lengths.merge(doc, n, Integer::sum));
    return new SearchIndex(postings, lengths);
  }

  /**
   * The terms of a text: lower-cased runs of ASCII letters and digits, without {@link #STOP_WORDS}
   * and one-character words; no stemming.
   */
  public static List<String> terms(String text) {
    List<String> terms = new ArrayList<>();
    int start = -1;
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    for (int i = 0; i <= lower.length(); i++) {
      char c = i < lower.length() ? lower.charAt(i) : ' ';
      boolean word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        String term = lower.substring(start, i);
        if (term.length() > 1 && !STOP_WORDS.contains(term)) {
          terms.add(term);
        }
        start = -1;
      }
    }
    return terms;
  }
}
