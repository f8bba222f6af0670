package io.themewire.bench;

import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.themewire.classify.nlp.CoreNlpAnnotator;
import io.themewire.classify.taxonomy.LabelledText;
import io.themewire.classify.taxonomy.Taxonomy;
import io.themewire.classify.theme.ClassifyStage;
import io.themewire.classify.theme.CoreNlpThemeClassifier;
import io.themewire.classify.theme.ThemeModel;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.Published;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.Source;
import io.themewire.core.message.SourceKind;
import io.themewire.core.progress.Progress;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Items/s of the classify stage against a bare CoreNLP pipeline with the same annotators and
 * properties on the same texts, both on as many threads as there are cores, rounds alternating so
 * that machine noise hits both alike. Texts: short posts (the taxonomy's examples under 80 words)
 * and 800-word articles (real article bodies from the shared corpus, cut at 800 words), and the
 * same short posts each carrying a dozen machine identifiers (user names with digits, hashes,
 * versions, ticket ids, URLs), which the stage masks before tagging and bare CoreNLP tags as
 * unknown words.
 */
final class ClassifyBenchmark {

  static final int SHORT_POSTS = 400;
  static final int ARTICLE_WORDS = 800;

  private ClassifyBenchmark() {}

  static void run(Corpus corpus, int rounds, PrintWriter out, Progress progress) throws Exception {
    Taxonomy taxonomy = Taxonomy.defaultCareer();
    List<String> posts =
        taxonomy.examples().stream()
            .map(LabelledText::text)
            .filter(t -> CoreNlpThemeClassifier.languageProblem(t) == null)
            .filter(t -> t.split("\\s+").length < 80)
            .limit(SHORT_POSTS)
            .toList();
    List<String> articles = new ArrayList<>();
    for (String body : corpus.truth().values()) {
      String[] words = body.split("\\s+");
      // English only: the stage skips other languages, which would flatter it against bare CoreNLP.
      if (words.length >= ARTICLE_WORDS && CoreNlpThemeClassifier.languageProblem(body) == null) {
        articles.add(String.join(" ", Arrays.copyOf(words, ARTICLE_WORDS)));
      }
    }
    List<String> withIds = withIdentifiers(posts, 12, new java.util.Random(1203));
    int threads = Runtime.getRuntime().availableProcessors();
    StanfordCoreNLP bare = new StanfordCoreNLP(CoreNlpAnnotator.properties());
    CoreNlpAnnotator annotator = new CoreNlpAnnotator();
    ThemeModel model = ThemeModel.train(taxonomy, annotator, Progress.NONE);
    ClassifyStage stage =
        new ClassifyStage(
            new CoreNlpThemeClassifier(
                annotator,
                model,
                taxonomy,
                CoreNlpThemeClassifier.DEFAULT_MAX_CHARS,
                CoreNlpThemeClassifier.DEFAULT_BUDGET));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    out.printf(
        Locale.ROOT,
        "Classify stage against bare CoreNLP (%s), %d threads, median of %d rounds after a warm-up;"
            + " overhead is the median of each round's stage/bare time ratio%n%n",
        CoreNlpAnnotator.ANNOTATORS,
        threads,
        rounds - 1);
    out.println(
        "| texts | count | bare CoreNLP items/s | classify stage items/s | stage overhead |");
    out.println("| --- | ---: | ---: | ---: | ---: |");
    int done = 0;
    for (List<String> texts : List.of(posts, withIds, articles)) {
      List<RawItem> items = texts.stream().map(ClassifyBenchmark::item).toList();
      List<Double> bareSeconds = new ArrayList<>();
      List<Double> stageSeconds = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        // Each round times the two back to back, in alternating order, so that drift in the
        // machine's load falls on both; the overhead is the median of the rounds' own ratios.
        double bareTime;
        double stageTime;
        if (round % 2 == 0) {
          bareTime = time(pool, texts, t -> bare.annotate(new Annotation(t)));
          stageTime = time(pool, items, stage::process);
        } else {
          stageTime = time(pool, items, stage::process);
          bareTime = time(pool, texts, t -> bare.annotate(new Annotation(t)));
        }
        bareSeconds.add(bareTime);
        stageSeconds.add(stageTime);
        ratios.add(stageTime / bareTime);
        progress.update(++done, 3L * rounds);
      }
      double b = ExtractionBenchmark.median(bareSeconds);
      double s = ExtractionBenchmark.median(stageSeconds);
      double overhead = ExtractionBenchmark.median(ratios) - 1;
      out.printf(
          Locale.ROOT,
          "| %s | %d | %.1f | %.1f | %+.1f%% |%n",
          texts == posts
              ? "short posts (< 80 words)"
              : texts == withIds
                  ? "the same posts + 12 identifiers each"
                  : ARTICLE_WORDS + "-word articles",
          texts.size(),
          texts.size() / b,
          texts.size() / s,
          100 * overhead);
    }
    pool.shutdown();
    long peak = 0;
    for (MemoryPoolMXBean pool2 : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool2.getType() == MemoryType.HEAP) {
        peak += pool2.getPeakUsage().getUsed();
      }
    }
    System.gc();
    long live = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    out.printf(
        Locale.ROOT,
        "%nHeap: %d MB in use after GC with both pipelines and the model loaded; peak %d MB; max heap %d MB.%n",
        live >> 20,
        peak >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
  }

  /**
   * Each text with {@code n} identifiers put between its words at random places: the kinds a tech
   * post carries, each made up fresh.
   */
  static List<String> withIdentifiers(List<String> texts, int n, java.util.Random random) {
    String[] names = {"amber", "kestrel", "orbit", "nimbus", "delta", "quartz", "vela", "juno"};
    List<String> out = new ArrayList<>();
    for (String text : texts) {
      List<String> words = new ArrayList<>(Arrays.asList(text.split(" ")));
      for (int k = 0; k < n; k++) {
        String id =
            switch (k % 6) {
              case 0 -> names[random.nextInt(names.length)] + (100_000 + random.nextInt(900_000));
              case 1 -> Long.toHexString(random.nextLong()).substring(0, 10);
              case 2 ->
                  "v" + random.nextInt(10) + "." + random.nextInt(30) + "." + random.nextInt(99);
              case 3 -> "OPS-" + (1000 + random.nextInt(9000));
              case 4 ->
                  "https://git.example.org/team/repo/pull/" + random.nextInt(99_999) + "/files";
              default ->
                  "build_" + (20_260_000 + random.nextInt(10_000)) + "_x" + random.nextInt(9);
            };
        words.add(random.nextInt(words.size() + 1), id);
      }
      out.add(String.join(" ", words));
    }
    return out;
  }

  private static <T> double time(ExecutorService pool, List<T> inputs, Consumer<T> work)
      throws Exception {
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (T input : inputs) {
      futures.add(pool.submit(() -> work.accept(input)));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static RawItem item(String text) {
    Instant now = Instant.parse("2026-11-27T00:00:00Z");
    return new RawItem(
        ItemId.of("bench", Integer.toHexString(text.hashCode())),
        null,
        new Source("bench", "bench", SourceKind.POST),
        "",
        null,
        Published.firstSeen(now),
        now,
        "en",
        text,
        null,
        null,
        null,
        null,
        null);
  }
}
