package io.swarmgrid.tasks.workload.lucene;

import io.swarmgrid.tasks.workload.Bm25;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * A Lucene index of some Cranfield documents, in memory: one shard of a {@link ShardedSearch}, or a
 * whole index. Text is analysed by Lucene's {@link EnglishAnalyzer} (standard tokenizer, so
 * non-ASCII words are kept; possessives removed; stop words; Porter stemming) for documents and
 * queries alike, and ranked by Lucene's {@link BM25Similarity} (k1 = 1.2, b = 0.75), with the
 * collection and term statistics given to {@link #search}: the global ones, so that scores from
 * different shards can be compared.
 */
public final class LuceneShard implements AutoCloseable {
  static final String BODY = "body";
  static final String ID = "id";
  static final String ORDER = "order";

  private static final Analyzer ANALYZER = new EnglishAnalyzer();
  private static final int TIE_MARGIN = 16;
  private static final Sort BEST_FIRST =
      new Sort(SortField.FIELD_SCORE, new SortField(ORDER, SortField.Type.STRING));

  private final ByteBuffersDirectory directory;
  private final DirectoryReader reader;
  private final IndexSearcher statsSearcher;
  private final BM25Similarity similarity = new BM25Similarity((float) Bm25.K1, (float) Bm25.B);

  private LuceneShard(ByteBuffersDirectory directory, DirectoryReader reader) {
    this.directory = directory;
    this.reader = reader;
    this.statsSearcher = new IndexSearcher(reader);
    statsSearcher.setQueryCache(null);
  }

  /** Indexes {@code documents} (records of {@code Search.records}: {@code .I id} and fields). */
  public static LuceneShard build(List<String> documents) {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    IndexWriterConfig config =
        new IndexWriterConfig(ANALYZER)
            .setSimilarity(new BM25Similarity((float) Bm25.K1, (float) Bm25.B));
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (String record : documents) {
        CranfieldDoc doc = CranfieldDoc.parse(record);
        if (doc == null) {
          continue;
        }
        Document d = new Document();
        d.add(new StringField(ID, doc.id(), Field.Store.YES));
        d.add(new SortedDocValuesField(ORDER, new BytesRef(orderKey(doc.id()))));
        d.add(new TextField(BODY, doc.text(), Field.Store.NO));
        writer.addDocument(d);
      }
      // one segment: the same scoring path whatever the shard's size
      writer.forceMerge(1);
      writer.commit();
      return new LuceneShard(directory, DirectoryReader.open(directory));
    } catch (IOException e) {
      throw new UncheckedIOException("lucene: cannot build an index in memory", e);
    }
  }

  /** The id of a Cranfield record, or {@code null} if it does not start with {@code .I}. */
  public static String documentId(String record) {
    CranfieldDoc doc = CranfieldDoc.parse(record);
    return doc == null ? null : doc.id();
  }

  /** The indexed text of a Cranfield record (fields without their markers), or empty. */
  public static String documentText(String record) {
    CranfieldDoc doc = CranfieldDoc.parse(record);
    return doc == null ? "" : doc.text();
  }

  /** The analysed terms of a query, in order, repeats kept (a repeated word weighs more). */
  public static List<String> analyze(String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream tokens = ANALYZER.tokenStream(BODY, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        terms.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException("lucene: cannot analyse a string", e);
    }
    return terms;
  }

  /**
   * The sort key that orders ids as {@link Bm25} breaks ties: ids of digits only first, by number
   * (length, then digits), then the others as strings.
   */
  public static String orderKey(String id) {
    boolean number = !id.isEmpty() && id.chars().allMatch(c -> c >= '0' && c <= '9');
    return number ? "0" + String.format("%05d", id.length()) + id : "1" + id;
  }

  /** The id whose {@link #orderKey} is {@code key}. */
  static String idOf(String key) {
    return key.charAt(0) == '0' ? key.substring(6) : key.substring(1);
  }

  /** Documents in this shard. */
  public int documents() {
    return reader.numDocs();
  }

  /** This shard's statistics for {@code terms} (the distributed-frequency step). */
  public ShardStats stats(List<String> terms) {
    try {
      IndexSearcher searcher = statsSearcher;
      CollectionStatistics c = searcher.collectionStatistics(BODY);
      Map<String, ShardStats.TermStat> termStats = new HashMap<>();
      for (String t : terms) {
        TermStates states = TermStates.build(searcher, new Term(BODY, t), true);
        if (states.docFreq() > 0) {
          termStats.put(t, new ShardStats.TermStat(states.docFreq(), states.totalTermFreq()));
        }
      }
      return c == null
          ? new ShardStats(reader.maxDoc(), 0, 0, 0, termStats)
          : new ShardStats(
              c.maxDoc(), c.docCount(), c.sumTotalTermFreq(), c.sumDocFreq(), termStats);
    } catch (IOException e) {
      throw new UncheckedIOException("lucene: cannot read statistics", e);
    }
  }

  /**
   * The {@code top} best documents of this shard for the query {@code terms} (analysed), scored
   * with the statistics {@code global} instead of this shard's own; best first, ties by id as
   * {@link Bm25} breaks them.
   */
  public List<Bm25.Hit> search(List<String> terms, ShardStats global, int top) {
    if (terms.isEmpty() || global.docCount() == 0) {
      return List.of();
    }
    IndexSearcher searcher = new GlobalStatsSearcher(reader, global);
    searcher.setSimilarity(similarity);
    // each query is new to the shard: caching its clauses would only cost
    searcher.setQueryCache(null);
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (String t : terms) {
      query.add(new TermQuery(new Term(BODY, t)), BooleanClause.Occur.SHOULD);
    }
    Query q = query.build();
    try {
      // by relevance (Lucene's fast, pruning path), a few more than asked: if the scores fall
      // below the top-th score within them, every document tied with it was collected and the
      // ties can be ordered by id here; if not, sort on (score, id) in Lucene
      ScoreDoc[] best = searcher.search(q, top + TIE_MARGIN).scoreDocs;
      if (best.length == top + TIE_MARGIN && best[best.length - 1].score >= best[top - 1].score) {
        return sortedSearch(searcher, q, top);
      }
      List<Bm25.Hit> hits = new ArrayList<>();
      for (ScoreDoc d : best) {
        hits.add(new Bm25.Hit(idOf(orderKeyOf(d.doc)), d.score));
      }
      return ShardedSearch.merge(List.of(hits), top);
    } catch (IOException e) {
      throw new UncheckedIOException("lucene: cannot search", e);
    }
  }

  private static List<Bm25.Hit> sortedSearch(IndexSearcher searcher, Query q, int top)
      throws IOException {
    TopFieldDocs docs = searcher.search(q, top, BEST_FIRST, true);
    List<Bm25.Hit> hits = new ArrayList<>();
    for (ScoreDoc d : docs.scoreDocs) {
      // the id from the sort key the hit carries
      BytesRef order = (BytesRef) ((FieldDoc) d).fields[1];
      hits.add(new Bm25.Hit(idOf(order.utf8ToString()), d.score));
    }
    return hits;
  }

  private String orderKeyOf(int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    SortedDocValues keys = leaf.reader().getSortedDocValues(ORDER);
    if (keys == null || !keys.advanceExact(doc - leaf.docBase)) {
      throw new IllegalStateException("lucene: document " + doc + " has no sort key");
    }
    return keys.lookupOrd(keys.ordValue()).utf8ToString();
  }

  @Override
  public void close() {
    try {
      reader.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("lucene: cannot close an index", e);
    }
  }

  /** Scores with the given (global) statistics rather than the shard's own. */
  private static final class GlobalStatsSearcher extends IndexSearcher {
    private final ShardStats global;

    GlobalStatsSearcher(DirectoryReader reader, ShardStats global) {
      super(reader);
      this.global = global;
    }

    @Override
    public CollectionStatistics collectionStatistics(String field) {
      return new CollectionStatistics(
          field,
          global.maxDoc(),
          global.docCount(),
          global.sumTotalTermFreq(),
          global.sumDocFreq());
    }

    @Override
    public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) {
      ShardStats.TermStat t = global.terms().get(term.text());
      return t == null
          ? new TermStatistics(term.bytes(), docFreq, totalTermFreq)
          : new TermStatistics(term.bytes(), t.docFreq(), t.totalTermFreq());
    }
  }
}
