package io.themewire.bench;

import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.Engagement;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.Published;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.SentenceSpan;
import io.themewire.core.message.Source;
import io.themewire.core.message.SourceKind;
import io.themewire.core.message.ThemeScore;
import io.themewire.core.progress.Progress;
import io.themewire.digest.DayWindow;
import io.themewire.digest.briefing.Briefing;
import io.themewire.digest.briefing.Briefings;
import io.themewire.digest.briefing.MarkdownRenderer;
import io.themewire.digest.story.StoryClusterer;
import io.themewire.digest.story.StoryItem;
import io.themewire.index.lucene.LuceneArticleIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The daily briefing's cost: {@code Briefings.briefing} and its Markdown for one day (read the
 * day's items from a Lucene index on disk, cluster them into stories, summarize, rank, write
 * Markdown), against the bare floor of the same run — one {@code scan} of the same index counting
 * items — in alternating rounds. Items: real article bodies of the shared corpus, each cut into
 * several items of 8 consecutive sentences (neighbouring cuts share a topic and a few sentences, as
 * reports of one event do), spread over the day on 50 sites, one in five a discussion thread with
 * points and comments, with a seeded pseudo-random salience per sentence (the classifier's cost is
 * not part of the briefing).
 */
final class DigestBenchmark {

  static final int[] DAY_SIZES = {1_000, 10_000};
  static final LocalDate DAY = LocalDate.parse("2026-11-24");
  static final String[] THEMES = {
    "ic-to-manager", "manager-to-ic", "ic-leadership", "career-framework"
  };

  private DigestBenchmark() {}

  static void run(Corpus corpus, int rounds, PrintWriter out, Progress progress) throws Exception {
    List<List<String>> articles = new ArrayList<>();
    for (String body : corpus.truth().values()) {
      List<String> sentences = sentences(body);
      if (sentences.size() >= 10) {
        articles.add(sentences);
      }
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (String t : THEMES) {
      labels.put(t, t);
    }
    out.printf(
        Locale.ROOT,
        "Briefing of one day (Briefings.briefing + Markdown) over a Lucene index on disk, against a"
            + " bare scan of the same index; %d source articles; median of %d rounds after a"
            + " warm-up; %d cores%n%n",
        articles.size(),
        rounds - 1,
        Runtime.getRuntime().availableProcessors());
    out.println(
        "| items that day | bare scan | briefing | ratio | items/s | of which clustering |"
            + " stories shown | heap after |");
    out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    int step = 0;
    for (int n : DAY_SIZES) {
      Path dir = Files.createTempDirectory("tw-bench-digest");
      try {
        try (LuceneArticleIndex index = LuceneArticleIndex.open(dir)) {
          Random random = new Random(n);
          for (int i = 0; i < n; i++) {
            index.upsert(item(i, n, articles, random));
          }
          index.commit();
          long stored = index.count(); // near-identical cuts are merged as copies on write
          Briefings briefings = Briefings.overIndex(index, labels, null);
          double[] bare = new double[rounds];
          double[] full = new double[rounds];
          double clusteringSeconds = 0;
          List<StoryItem> dayItems = new ArrayList<>();
          for (ClassifiedItem item : briefings.itemsOf(new DayWindow(DAY, ZoneId.of("UTC")))) {
            dayItems.add(StoryItem.of(item));
          }
          int stories = 0;
          for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            AtomicLong seen = new AtomicLong();
            index.scan(item -> seen.incrementAndGet());
            long t1 = System.nanoTime();
            Briefing briefing = briefings.briefing(DAY, ZoneId.of("UTC"));
            String md = MarkdownRenderer.render(briefing);
            long t2 = System.nanoTime();
            bare[r] = (t1 - t0) / 1e9;
            full[r] = (t2 - t1) / 1e9;
            if (r == rounds - 1) { // once: the clusterer alone on the same day's items
              StoryClusterer.standard().cluster(dayItems);
              clusteringSeconds = (System.nanoTime() - t2) / 1e9;
            }
            stories = briefing.stories().size();
            if (seen.get() != stored || md.isEmpty()) {
              throw new IllegalStateException(
                  "scan saw " + seen.get() + " of " + stored + " items");
            }
            progress.update(++step, rounds * DAY_SIZES.length);
          }
          double b = median(bare);
          double f = median(full);
          Runtime rt = Runtime.getRuntime();
          out.printf(
              Locale.ROOT,
              "| %,d (%,d written) | %.3f s | %.2f s | %.0f× | %,.0f | %.2f s | %d | %d MB |%n",
              stored,
              n,
              b,
              f,
              f / b,
              stored / f,
              clusteringSeconds,
              stories,
              (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
      } finally {
        deleteRecursively(dir);
      }
    }
  }

  private static ClassifiedItem item(int i, int n, List<List<String>> articles, Random random) {
    // Five sentences of one article and three of another: items of one article share a topic and
    // some sentences, and no two items are the same text.
    int a = i % articles.size();
    int cut = i / articles.size();
    List<String> base = articles.get(a);
    List<String> other = articles.get((a + 1 + cut) % articles.size());
    int from = (cut * 2) % Math.max(1, base.size() - 5);
    List<String> sentences = new ArrayList<>(base.subList(from, Math.min(base.size(), from + 5)));
    int at2 = (cut * 3) % Math.max(1, other.size() - 3);
    sentences.addAll(other.subList(at2, Math.min(other.size(), at2 + 3)));
    String title = base.get(0).length() > 120 ? base.get(0).substring(0, 120) : base.get(0);
    String site = "site" + (i % 50) + ".example";
    boolean thread = i % 5 == 4;
    CanonicalUrl url =
        new CanonicalUrl(
            thread
                ? "https://news.ycombinator.com/item?id=" + (60_000_000 + i)
                : "https://" + site + "/" + i);
    Instant at = DAY.atStartOfDay(ZoneId.of("UTC")).toInstant().plusSeconds((long) i * 86_399 / n);
    StringBuilder full = new StringBuilder(title).append("\n\n");
    List<SentenceSpan> spans = new ArrayList<>();
    spans.add(new SentenceSpan(0, title.length(), 0.1));
    for (String s : sentences) {
      int start = full.length();
      full.append(s).append(' ');
      spans.add(new SentenceSpan(start, start + s.length(), random.nextDouble()));
    }
    String text = full.substring(title.length() + 2).strip();
    RawItem raw =
        new RawItem(
            ItemId.of(url),
            url,
            new Source(
                thread ? "hn" : site,
                thread ? "Hacker News" : site,
                thread ? SourceKind.DISCUSSION : SourceKind.FEED),
            title,
            null,
            new Published(at, Published.Provenance.FEED, 1),
            at,
            "en",
            text,
            null,
            null,
            thread
                ? new CanonicalUrl("https://site" + ((i - 1) % 50) + ".example/" + (i - 1))
                : null,
            thread ? new Engagement(random.nextInt(500), random.nextInt(200)) : null,
            null);
    String theme = THEMES[i % THEMES.length];
    return new ClassifiedItem(
        raw,
        List.of(new ThemeScore(theme, 0.8)),
        theme,
        null,
        List.of(),
        List.of(),
        spans,
        List.of(),
        "bench",
        "bench");
  }

  static List<String> sentences(String body) {
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
    String text = body.replaceAll("\\s+", " ").strip();
    it.setText(text);
    List<String> out = new ArrayList<>();
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      String s = text.substring(start, end).strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  private static double median(double[] values) {
    double[] timed = Arrays.copyOfRange(values, 1, values.length);
    Arrays.sort(timed);
    int m = timed.length / 2;
    return timed.length % 2 == 1 ? timed[m] : (timed[m - 1] + timed[m]) / 2;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
