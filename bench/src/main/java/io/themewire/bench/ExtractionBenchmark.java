package io.themewire.bench;

import io.themewire.core.progress.Progress;
import io.themewire.ingest.extract.ArticleExtractor;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;

/**
 * Extraction quality and speed on the shared corpus: Themewire's extractor scored with the corpus
 * metric, beside the reference outputs of Readability.js, boilerpipe and html-text (which also
 * checks the metric against the published figures), and its speed as a ratio to a bare Jsoup parse
 * of the same pages in the same run.
 */
final class ExtractionBenchmark {

  private ExtractionBenchmark() {}

  static void run(Corpus corpus, int rounds, int worst, PrintWriter out, Progress progress)
      throws IOException {
    Map<String, String> html = new LinkedHashMap<>();
    long bytes = 0;
    for (String id : corpus.truth().keySet()) {
      String page = corpus.html(id);
      html.put(id, page);
      bytes += page.length();
    }
    ArticleExtractor extractor = new ArticleExtractor();
    Map<String, String> ours = new LinkedHashMap<>();
    List<Double> oursSeconds = new ArrayList<>();
    List<Double> bareSeconds = new ArrayList<>();
    int done = 0;
    for (int round = 0; round < rounds; round++) {
      long t0 = System.nanoTime();
      for (Map.Entry<String, String> e : html.entrySet()) {
        ours.put(e.getKey(), extractor.extract(e.getValue(), corpus.urls().get(e.getKey())).text());
      }
      long t1 = System.nanoTime();
      long sink = 0;
      for (Map.Entry<String, String> e : html.entrySet()) {
        sink += Jsoup.parse(e.getValue(), corpus.urls().get(e.getKey())).body().text().length();
      }
      long t2 = System.nanoTime();
      if (sink < 0) {
        throw new IllegalStateException("unreachable");
      }
      oursSeconds.add((t1 - t0) / 1e9);
      bareSeconds.add((t2 - t1) / 1e9);
      progress.update(++done, rounds);
    }
    out.printf(Locale.ROOT, "Article extraction on %d pages of %s%n%n", html.size(), corpus.dir());
    out.println("| extractor | F1 | precision | recall | accuracy |");
    out.println("| --- | ---: | ---: | ---: | ---: |");
    ShingleScore.Result result = ShingleScore.score(corpus.truth(), ours);
    row(out, "Themewire ArticleExtractor", result);
    for (String ref : List.of("readability_js", "boilerpipe", "html-text")) {
      row(
          out,
          ref + " (reference output)",
          ShingleScore.score(corpus.truth(), corpus.reference(ref)));
    }
    double ourMedian = median(oursSeconds);
    double bareMedian = median(bareSeconds);
    out.printf(
        Locale.ROOT,
        "%nSpeed, median of %d rounds (after the first, which warms up): extraction %.1f pages/s"
            + " (%.1f MB/s); a bare Jsoup parse + text of the same pages %.1f pages/s;"
            + " extraction costs %.2fx the bare parse.%n",
        rounds,
        html.size() / ourMedian,
        bytes / 1e6 / ourMedian,
        html.size() / bareMedian,
        ourMedian / bareMedian);
    worstPages(corpus, result, worst, out);
  }

  private static void worstPages(
      Corpus corpus, ShingleScore.Result result, int worst, PrintWriter out) {
    if (worst <= 0) {
      return;
    }
    out.printf("%nThe %d pages with the lowest F1 (precision, recall, id, url):%n", worst);
    result.perPage().entrySet().stream()
        .sorted(java.util.Comparator.comparingDouble(e -> f1(e.getValue())))
        .limit(worst)
        .forEach(
            e ->
                out.printf(
                    Locale.ROOT,
                    "  %.2f %.2f %s %s%n",
                    e.getValue()[0],
                    e.getValue()[1],
                    e.getKey(),
                    corpus.urls().get(e.getKey())));
  }

  private static double f1(double[] pr) {
    return pr[0] + pr[1] == 0 ? 0 : 2 * pr[0] * pr[1] / (pr[0] + pr[1]);
  }

  private static void row(PrintWriter out, String name, ShingleScore.Result r) {
    out.printf(
        Locale.ROOT,
        "| %s | %.3f | %.3f | %.3f | %.3f |%n",
        name,
        r.f1(),
        r.precision(),
        r.recall(),
        r.accuracy());
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs.size() > 1 ? xs.subList(1, xs.size()) : xs);
    s.sort(Double::compare);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
