package io.themewire.bench;

import io.themewire.core.progress.Progress;
import io.themewire.index.lucene.IndexDocuments;
import io.themewire.index.lucene.LuceneArticleReader;
import io.themewire.index.search.Facet;
import io.themewire.index.search.Interval;
import io.themewire.index.search.SearchRequest;
import io.themewire.testkit.SyntheticCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * Read-side latency on indexes of {@link SyntheticCorpus} items (seeded; 100,000 and 1,000,000 by
 * default): typical editor searches (1 to 3 words, a theme filter, theme/source/kind facets, a
 * weekly histogram, highlighted snippets, exact totals), trends and significant terms, each with 1
 * and 8 concurrent clients, against the same searches on bare Lucene in the same run (the same
 * index, a plain {@link IndexSearcher}, the same parsed words and theme filter, top 10 {@link
 * TopDocs} with their stored documents read; no facets, histogram, highlights or exact count).
 *
 * <p>The indexes are built once into a cache folder and reused: with the schema's own documents
 * ({@link IndexDocuments}) on a plain {@link IndexWriter} (the generated items have no copies, so
 * copy merging would change nothing but the build time; {@code bench/run index} times that writer).
 */
final class QueryBenchmark {

  static final int QUERIES = 200;

  private static final List<String> THEMES =
      SyntheticCorpus.CAREER_THEMES.stream().map(SyntheticCorpus.ThemeWords::id).toList();

  /** Everyday words an editor might add to a theme's own words. */
  private static final String[] GENERAL =
      ("team manager career engineer role company plan project meeting product feedback growth"
              + " skills experience decision goals advice leadership culture remote office startup"
              + " budget problem system design review data trust support learn change")
          .split(" ");

  private QueryBenchmark() {}

  /** One kind of request against one index. */
  private interface Op {
    void run(int i) throws Exception;
  }

  static void run(List<Integer> sizes, int rounds, Path cache, PrintWriter out, Progress progress)
      throws Exception {
    out.printf(
        Locale.ROOT,
        "## query: search, trends and terms against bare Lucene%n%n"
            + "Machine: %d processors, Java %s, max heap %d MB. Each figure: %d requests after"
            + " %d of warm-up, spread over the clients; latencies in ms.%n%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20,
        QUERIES * (rounds - 1),
        QUERIES / 2);
    out.println("| items | request | clients | p50 | p95 | p99 | max | req/s | errors |");
    out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
    out.flush();
    List<String> heap = new ArrayList<>();
    int step = 0;
    int steps = sizes.size() * 10;
    for (int n : sizes) {
      Path dir = index(cache, n, progress);
      List<SearchRequest> searches = searches(new Random(7));
      List<SearchRequest> trendFilters = trendFilters(new Random(8));
      List<SearchRequest> termFilters = termFilters(new Random(9));
      try (LuceneArticleReader reader = LuceneArticleReader.open(dir);
          FSDirectory d = FSDirectory.open(dir);
          DirectoryReader bareReader = DirectoryReader.open(d)) {
        IndexSearcher bare = new IndexSearcher(bareReader);
        List<Query> bareQueries = new ArrayList<>();
        for (SearchRequest s : searches) {
          bareQueries.add(bareQuery(s));
        }
        AtomicLong sink = new AtomicLong();
        Map<String, Op> ops = new java.util.LinkedHashMap<>();
        ops.put(
            "bare Lucene search",
            i -> {
              TopDocs top = bare.search(bareQueries.get(i % bareQueries.size()), 10);
              StoredFields stored = bare.storedFields();
              for (ScoreDoc sd : top.scoreDocs) {
                Document doc = stored.document(sd.doc);
                sink.addAndGet(doc.get("id").length());
              }
            });
        ops.put(
            "search (facets, histogram, highlights)",
            i -> sink.addAndGet(reader.search(searches.get(i % searches.size())).total()));
        ops.put(
            "trends",
            i -> {
              SearchRequest f = trendFilters.get(i % trendFilters.size());
              Interval interval = i % 2 == 0 ? Interval.WEEK : Interval.DAY;
              sink.addAndGet(reader.trends(f, interval).series().size());
            });
        ops.put(
            "terms",
            i ->
                sink.addAndGet(
                    reader.terms(termFilters.get(i % termFilters.size()), 20).terms().size()));
        for (int clients : new int[] {1, 8}) {
          for (Map.Entry<String, Op> op : ops.entrySet()) {
            int warm = QUERIES / 2;
            int timed = QUERIES * (rounds - 1);
            if (!op.getKey().contains("search")) {
              timed = Math.max(50, timed / 2); // trends and terms: half as many requests
            }
            Result r = measure(op.getValue(), clients, warm, timed);
            out.printf(
                Locale.ROOT,
                "| %,d | %s | %d | %.1f | %.1f | %.1f | %.1f | %.0f | %d |%n",
                n,
                op.getKey(),
                clients,
                r.p(50),
                r.p(95),
                r.p(99),
                r.p(100),
                r.perSecond(),
                r.errors());
            out.flush();
            progress.update(++step, steps);
          }
        }
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        heap.add(
            String.format(
                Locale.ROOT,
                "%,d items: index %,d MB on disk (%d segments), heap used after GC with both"
                    + " readers open %,d MB",
                n,
                size(dir) >> 20,
                bareReader.leaves().size(),
                used));
        if (sink.get() == 42) {
          out.println(); // keeps the work observable
        }
      }
    }
    out.println();
    for (String h : heap) {
      out.println("- " + h);
    }
    out.flush();
  }

  /** Latencies of one measurement. */
  private record Result(double[] millis, double seconds, int errors) {
    double p(int pct) {
      return millis.length == 0 ? Double.NaN : PipelineBenchmark.percentile(millis, pct);
    }

    double perSecond() {
      return millis.length / seconds;
    }
  }

  private static Result measure(Op op, int clients, int warm, int timed) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      run(op, pool, clients, warm, null, new AtomicInteger());
      double[] millis = new double[timed];
      AtomicInteger errors = new AtomicInteger();
      long t0 = System.nanoTime();
      run(op, pool, clients, timed, millis, errors);
      double seconds = (System.nanoTime() - t0) / 1e9;
      Arrays.sort(millis);
      return new Result(millis, seconds, errors.get());
    } finally {
      pool.shutdownNow();
    }
  }

  private static void run(
      Op op, ExecutorService pool, int clients, int count, double[] millis, AtomicInteger errors)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      running.add(
          pool.submit(
              () -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                  long t = System.nanoTime();
                  try {
                    op.run(i);
                  } catch (Exception e) {
                    errors.incrementAndGet();
                    if (errors.get() == 1) {
                      System.err.println("bench: request failed: " + e);
                    }
                  }
                  if (millis != null) {
                    millis[i] = (System.nanoTime() - t) / 1e6;
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
  }

  /** Editor searches: 1 to 3 words (the theme's own and everyday ones), one theme, every facet. */
  static List<SearchRequest> searches(Random rnd) {
    List<SearchRequest> out = new ArrayList<>();
    for (int i = 0; i < QUERIES; i++) {
      SyntheticCorpus.ThemeWords theme =
          SyntheticCorpus.CAREER_THEMES.get(rnd.nextInt(SyntheticCorpus.CAREER_THEMES.size()));
      String[] own = theme.words().split(" ");
      int words = 1 + rnd.nextInt(3);
      List<String> q = new ArrayList<>();
      for (int w = 0; w < words; w++) {
        q.add(
            w == 0 || rnd.nextBoolean()
                ? own[rnd.nextInt(own.length)]
                : GENERAL[rnd.nextInt(GENERAL.length)]);
      }
      String filterTheme = THEMES.get(rnd.nextInt(THEMES.size()));
      out.add(
          new SearchRequest(
                  String.join(" ", q),
                  filterTheme,
                  null,
                  null,
                  null,
                  null,
                  SearchRequest.Sort.RELEVANCE,
                  10)
              .withFacets(EnumSet.allOf(Facet.class))
              .withHistogram(Interval.WEEK, ZoneOffset.UTC));
    }
    return out;
  }

  /** Trend filters: a theme, a word, or nothing (a series per theme). */
  static List<SearchRequest> trendFilters(Random rnd) {
    List<SearchRequest> out = new ArrayList<>();
    for (int i = 0; i < QUERIES; i++) {
      int kind = i % 3;
      String theme = kind == 0 ? THEMES.get(rnd.nextInt(THEMES.size())) : null;
      String q = kind == 1 ? GENERAL[rnd.nextInt(GENERAL.length)] : "";
      out.add(new SearchRequest(q, theme, null, null, null, null, SearchRequest.Sort.NEWEST, 10));
    }
    return out;
  }

  /** Terms filters: a theme over the last 30 days of the corpus, or a theme's word over all. */
  static List<SearchRequest> termFilters(Random rnd) {
    SyntheticCorpus c = IndexBenchmark.corpus(1);
    Instant end = c.start().plusDays(c.days()).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant monthAgo = end.minusSeconds(30L * 24 * 3600);
    List<SearchRequest> out = new ArrayList<>();
    for (int i = 0; i < QUERIES; i++) {
      SyntheticCorpus.ThemeWords theme =
          SyntheticCorpus.CAREER_THEMES.get(rnd.nextInt(SyntheticCorpus.CAREER_THEMES.size()));
      if (i % 2 == 0) {
        out.add(
            new SearchRequest(
                "", theme.id(), null, null, monthAgo, end, SearchRequest.Sort.NEWEST, 10));
      } else {
        String[] own = theme.words().split(" ");
        out.add(
            new SearchRequest(
                own[rnd.nextInt(own.length)],
                null,
                null,
                null,
                null,
                null,
                SearchRequest.Sort.NEWEST,
                10));
      }
    }
    return out;
  }

  /** The bare form of a search: the same words over title (x2) and text, AND, theme filter. */
  private static Query bareQuery(SearchRequest s) throws ParseException {
    MultiFieldQueryParser parser =
        new MultiFieldQueryParser(
            IndexDocuments.textFields(),
            IndexDocuments.analyzer(),
            Map.of(IndexDocuments.textFields()[0], 2f, IndexDocuments.textFields()[1], 1f));
    parser.setDefaultOperator(QueryParser.Operator.AND);
    return new BooleanQuery.Builder()
        .add(parser.parse(s.query()), BooleanClause.Occur.MUST)
        .add(
            new TermQuery(new Term(IndexDocuments.themeField(), s.theme())),
            BooleanClause.Occur.FILTER)
        .build();
  }

  /**
   * The cached index of {@code n} items, built when missing: the schema's documents on a plain
   * writer, two indexing threads fed by the generator.
   */
  static Path index(Path cache, int n, Progress progress) throws Exception {
    Path dir =
        cache.resolve(
            "synthetic-"
                + n
                + "-seed"
                + IndexBenchmark.SEED
                + "-v"
                + IndexDocuments.SCHEMA_VERSION);
    Path done = dir.resolve("built.txt");
    if (Files.exists(done)) {
      return dir;
    }
    IndexBenchmark.delete(dir);
    Files.createDirectories(dir);
    System.err.printf(Locale.ROOT, "bench: building the %,d-item index in %s%n", n, dir);
    long t0 = System.nanoTime();
    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1024);
    Object end = new Object();
    int threads = 2;
    AtomicLong written = new AtomicLong();
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, IndexDocuments.config())) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  while (true) {
                    Object o = queue.take();
                    if (o == end) {
                      return null;
                    }
                    w.addDocument(
                        IndexDocuments.document((io.themewire.core.message.ClassifiedItem) o));
                    long k = written.incrementAndGet();
                    if (k % 10_000 == 0) {
                      progress.update(k, n);
                    }
                  }
                }));
      }
      try {
        IndexBenchmark.corpus(n)
            .forEach(
                item -> {
                  try {
                    queue.put(item);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                  }
                });
        for (int t = 0; t < threads; t++) {
          queue.put(end);
        }
        for (Future<?> f : workers) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      w.commit();
    }
    double s = (System.nanoTime() - t0) / 1e9;
    Files.writeString(
        done, String.format(Locale.ROOT, "%d items in %.1f s (%.0f docs/s)%n", n, s, n / s));
    System.err.printf(Locale.ROOT, "bench: built %,d items in %.1f s%n", n, s);
    return dir;
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .sum();
    }
  }
}
