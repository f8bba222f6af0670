package io.themewire.bench;

import io.themewire.core.progress.Progress;
import io.themewire.ingest.extract.ArticleExtractor;
import io.themewire.ingest.extract.HtmlText;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import net.dankito.readability4j.extended.Readability4JExtended;
import org.jsoup.Jsoup;

/**
 * Extraction quality and speed on the shared corpus. Themewire's extractor, Readability4J,
 * boilerpipe and the bare page text are all run here, on the same pages in the same run, and scored
 * with the corpus metric; the corpus's reference outputs (Readability.js, boilerpipe, html-text)
 * are scored beside them, which also checks the metric against the published figures. Speed is
 * pages/s for each, and as a ratio to a bare Jsoup parse timed in the same rounds.
 */
final class ExtractionBenchmark {

  private ExtractionBenchmark() {}

  /** One extractor run in the benchmark: a name and page HTML + URL to text. */
  record Peer(String name, BiFunction<String, String, String> extract) {}

  static List<Peer> peers() {
    ArticleExtractor themewire = new ArticleExtractor();
    return List.of(
        new Peer("Themewire ArticleExtractor", (html, url) -> themewire.extract(html, url).text()),
        new Peer("Readability4J 1.0.8 (run here)", ExtractionBenchmark::readability),
        new Peer("boilerpipe 1.2.2 ArticleExtractor (run here)", ExtractionBenchmark::boilerpipe),
        new Peer(
            "bare page text (Jsoup body, run here)",
            (html, url) -> HtmlText.of(Jsoup.parse(html, url == null ? "" : url).body())));
  }

  static void run(Corpus corpus, int rounds, int worst, PrintWriter out, Progress progress)
      throws IOException {
    Map<String, String> html = new LinkedHashMap<>();
    long bytes = 0;
    for (String id : corpus.truth().keySet()) {
      String page = corpus.html(id);
      html.put(id, page);
      bytes += page.length();
    }
    List<Peer> peers = peers();
    List<Map<String, String>> outputs = new ArrayList<>();
    List<List<Double>> seconds = new ArrayList<>();
    for (int i = 0; i < peers.size(); i++) {
      outputs.add(new LinkedHashMap<>());
      seconds.add(new ArrayList<>());
    }
    List<Double> bareSeconds = new ArrayList<>();
    int done = 0;
    for (int round = 0; round < rounds; round++) {
      long t0 = System.nanoTime();
      long sink = 0;
      for (Map.Entry<String, String> e : html.entrySet()) {
        sink += Jsoup.parse(e.getValue(), corpus.urls().get(e.getKey())).childNodeSize();
      }
      bareSeconds.add((System.nanoTime() - t0) / 1e9);
      if (sink < 0) {
        throw new IllegalStateException("unreachable");
      }
      for (int i = 0; i < peers.size(); i++) {
        long start = System.nanoTime();
        for (Map.Entry<String, String> e : html.entrySet()) {
          outputs
              .get(i)
              .put(
                  e.getKey(),
                  peers.get(i).extract().apply(e.getValue(), corpus.urls().get(e.getKey())));
        }
        seconds.get(i).add((System.nanoTime() - start) / 1e9);
      }
      progress.update(++done, rounds);
    }
    double bare = html.size() / median(bareSeconds);
    out.printf(
        Locale.ROOT,
        "Article extraction on %d pages (%d sites) of %s%n%n",
        html.size(),
        Folds.sites(corpus).size(),
        corpus.dir());
    out.println("| extractor | F1 | precision | recall | accuracy | pages/s | x bare Jsoup |");
    out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    ShingleScore.Result ours = null;
    for (int i = 0; i < peers.size(); i++) {
      ShingleScore.Result r = ShingleScore.score(corpus.truth(), outputs.get(i));
      ours = ours == null ? r : ours;
      double pagesPerSecond = html.size() / median(seconds.get(i));
      row(out, peers.get(i).name(), r, pagesPerSecond, pagesPerSecond / bare);
    }
    out.printf(Locale.ROOT, "| bare Jsoup parse (no text) | | | | | %.1f | 1.00 |%n", bare);
    for (String ref : List.of("readability_js", "boilerpipe", "html-text")) {
      row(
          out,
          ref + " (corpus reference output)",
          ShingleScore.score(corpus.truth(), corpus.reference(ref)),
          Double.NaN,
          Double.NaN);
    }
    out.printf(
        Locale.ROOT,
        "%nSpeed: median of %d rounds after the first (warm-up), same pages, same run;"
            + " %.1f MB of HTML.%n",
        rounds,
        bytes / 1e6);
    worstPages(corpus, ours, worst, out);
  }

  static String readability(String html, String url) {
    try {
      String text =
          new Readability4JExtended(url == null ? "" : url, html).parse().getTextContent();
      return text == null ? "" : text;
    } catch (RuntimeException e) {
      return "";
    }
  }

  static String boilerpipe(String html, String url) {
    try {
      String text = de.l3s.boilerpipe.extractors.ArticleExtractor.INSTANCE.getText(html);
      return text == null ? "" : text;
    } catch (de.l3s.boilerpipe.BoilerpipeProcessingException | RuntimeException e) {
      return "";
    }
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

  static void row(
      PrintWriter out, String name, ShingleScore.Result r, double pagesPerSecond, double ratio) {
    out.printf(
        Locale.ROOT,
        "| %s | %.3f | %.3f | %.3f | %.3f | %s | %s |%n",
        name,
        r.f1(),
        r.precision(),
        r.recall(),
        r.accuracy(),
        Double.isNaN(pagesPerSecond) ? "" : String.format(Locale.ROOT, "%.1f", pagesPerSecond),
        Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2f", ratio));
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs.size() > 1 ? xs.subList(1, xs.size()) : xs);
    s.sort(Double::compare);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
