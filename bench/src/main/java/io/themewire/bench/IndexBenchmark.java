package io.themewire.bench;

import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.progress.Progress;
import io.themewire.index.lucene.IndexDocuments;
import io.themewire.index.lucene.LuceneArticleIndex;
import io.themewire.testkit.SyntheticCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;

/**
 * The index stage's writer ({@link LuceneArticleIndex#upsert}: schema, lookups for copy merging,
 * update by id, then one commit) against a bare Lucene {@link IndexWriter} adding the very same
 * documents ({@link IndexDocuments#document}, same analyzer and buffer) and committing, in the same
 * rounds, alternating which goes first. Items come from {@link SyntheticCorpus} (seeded), generated
 * before timing; each round writes a fresh index on disk.
 */
final class IndexBenchmark {

  static final long SEED = 42;

  private IndexBenchmark() {}

  static void run(List<Integer> sizes, int rounds, PrintWriter out, Progress progress)
      throws IOException {
    out.printf(
        Locale.ROOT,
        "## index: our writer against a bare Lucene IndexWriter%n%n"
            + "Machine: %d processors, Java %s, max heap %d MB. Rounds: %d per size (the first"
            + " warms up; median of the rest), order alternating.%n%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20,
        rounds);
    out.println(
        "| items | words (mean) | bare Lucene (s) | bare docs/s | our writer (s) | our docs/s |"
            + " ratio (ours / bare) | indexed (ours) |");
    out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
    out.flush();
    Path work = Files.createTempDirectory("tw-bench-index");
    try {
      int step = 0;
      for (int n : sizes) {
        List<ClassifiedItem> items = corpus(n).toList();
        long words = 0;
        for (ClassifiedItem c : items) {
          words += c.item().text().split("\\s+").length;
        }
        List<Double> bare = new ArrayList<>();
        List<Double> ours = new ArrayList<>();
        long indexed = -1;
        for (int r = 0; r < rounds; r++) {
          Path b = work.resolve("bare-" + n + "-" + r);
          Path o = work.resolve("ours-" + n + "-" + r);
          double tb;
          double to;
          if (r % 2 == 0) {
            tb = bare(items, b);
            to = ours(items, o);
          } else {
            to = ours(items, o);
            tb = bare(items, b);
          }
          indexed = count(o);
          delete(b);
          delete(o);
          if (r > 0) {
            bare.add(tb);
            ours.add(to);
          }
          progress.update(++step, (long) sizes.size() * rounds);
        }
        double tb = PipelineBenchmark.median(bare);
        double to = PipelineBenchmark.median(ours);
        out.printf(
            Locale.ROOT,
            "| %,d | %d | %.1f | %,.0f | %.1f | %,.0f | %.2f× | %,d |%n",
            n,
            words / Math.max(1, n),
            tb,
            n / tb,
            to,
            n / to,
            tb / to,
            indexed);
        out.flush();
      }
    } finally {
      delete(work);
    }
  }

  /** The benchmark corpus of {@code n} items: 200 sources, a year of days, 20 to 900 words. */
  static SyntheticCorpus corpus(int n) {
    return SyntheticCorpus.builder().seed(SEED).items(n).build();
  }

  /** Seconds for a bare writer to add every item's document and commit. */
  private static double bare(List<ClassifiedItem> items, Path dir) throws IOException {
    long t0 = System.nanoTime();
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, IndexDocuments.config())) {
      for (ClassifiedItem c : items) {
        w.addDocument(IndexDocuments.document(c));
      }
      w.commit();
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Seconds for our writer to upsert every item and commit. */
  private static double ours(List<ClassifiedItem> items, Path dir) throws IOException {
    long t0 = System.nanoTime();
    try (LuceneArticleIndex index = LuceneArticleIndex.open(dir)) {
      for (ClassifiedItem c : items) {
        index.upsert(c);
      }
      index.commit();
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  private static long count(Path dir) throws IOException {
    try (FSDirectory d = FSDirectory.open(dir);
        DirectoryReader r = DirectoryReader.open(d)) {
      return r.numDocs();
    }
  }

  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
