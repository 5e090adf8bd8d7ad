package io.swarmgrid.tasks.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.swarmgrid.tasks.workload.SearchIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compact form of {@link SearchIndex}: terms ({@code terms}, {@code termDocCounts}: postings per
 * term), then every posting, term after term ({@code postingDocs}, {@code postingFrequencies}), and
 * the document lengths ({@code docIds}, {@code docLengths}). Sorted, so equal indexes give equal
 * bytes.
 */
final class SearchIndexSerializer implements CompactSerializer<SearchIndex> {
  @Override
  public SearchIndex read(CompactReader in) {
    String[] terms = in.readArrayOfString("terms");
    int[] docCounts = in.readArrayOfInt32("termDocCounts");
    String[] docs = in.readArrayOfString("postingDocs");
    int[] freqs = in.readArrayOfInt32("postingFrequencies");
    Map<String, Map<String, Integer>> postings = new HashMap<>(terms.length * 2);
    int at = 0;
    for (int t = 0; t < terms.length; t++) {
      Map<String, Integer> p = new HashMap<>(docCounts[t] * 2);
      for (int i = 0; i < docCounts[t]; i++, at++) {
        p.put(docs[at], freqs[at]);
      }
      postings.put(terms[t], p);
    }
    String[] ids = in.readArrayOfString("docIds");
    int[] lengths = in.readArrayOfInt32("docLengths");
    Map<String, Integer> docLengths = new HashMap<>(ids.length * 2);
    for (int i = 0; i < ids.length; i++) {
      docLengths.put(ids[i], lengths[i]);
    }
    return new SearchIndex(postings, docLengths);
  }

  @Override
  public void write(CompactWriter out, SearchIndex v) {
    TreeMap<String, Map<String, Integer>> postings = new TreeMap<>(v.postings());
    int[] docCounts = new int[postings.size()];
    List<String> docs = new ArrayList<>();
    List<Integer> freqs = new ArrayList<>();
    int t = 0;
    for (Map<String, Integer> p : postings.values()) {
      docCounts[t++] = p.size();
      new TreeMap<>(p)
          .forEach(
              (doc, f) -> {
                docs.add(doc);
                freqs.add(f);
              });
    }
    out.writeArrayOfString("terms", postings.keySet().toArray(new String[0]));
    out.writeArrayOfInt32("termDocCounts", docCounts);
    out.writeArrayOfString("postingDocs", docs.toArray(new String[0]));
    out.writeArrayOfInt32(
        "postingFrequencies", freqs.stream().mapToInt(Integer::intValue).toArray());
    TreeMap<String, Integer> lengths = new TreeMap<>(v.docLengths());
    out.writeArrayOfString("docIds", lengths.keySet().toArray(new String[0]));
    out.writeArrayOfInt32(
        "docLengths", lengths.values().stream().mapToInt(Integer::intValue).toArray());
  }

  @Override
  public String getTypeName() {
    return "swarmgrid.SearchIndex";
  }

  @Override
  public Class<SearchIndex> getCompactClass() {
    return SearchIndex.class;
  }
}
