package io.themewire.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.themewire.api.ThemeInfo;
import io.themewire.classify.nlp.CoreNlpAnnotator;
import io.themewire.classify.taxonomy.Taxonomy;
import io.themewire.classify.theme.Classification;
import io.themewire.classify.theme.ClassifyStage;
import io.themewire.classify.theme.CoreNlpThemeClassifier;
import io.themewire.classify.theme.ThemeClassifier;
import io.themewire.classify.theme.ThemeModel;
import io.themewire.core.message.ItemId;
import io.themewire.core.progress.Progress;
import io.themewire.core.stage.JsonlDeadLetterLog;
import io.themewire.index.ArticleIndex;
import io.themewire.index.IndexStage;
import io.themewire.index.lucene.LuceneArticleIndex;
import io.themewire.ingest.fetch.FetchLimits;
import io.themewire.ingest.fetch.HostResolver;
import io.themewire.ingest.fetch.HttpFetcher;
import io.themewire.ingest.fetch.Sleeper;
import io.themewire.ingest.source.IngestStage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The parts every process is built from, and the stages over them: which stage gets which parts,
 * where each piece lives under the data folder ({@code index/}, {@code model/}, {@code
 * dead-letters.jsonl}). Heavy parts (CoreNLP, the theme model) are built only when first needed, so
 * a run with nothing new to classify starts in seconds. The stages know nothing of transport:
 * {@link EmbeddedRuntime} runs them in one process over in-memory queues, {@link KafkaRuntime} each
 * in its own process over topics.
 */
final class Wiring implements AutoCloseable {

  private final Settings settings;
  private final Clock clock;
  private Taxonomy taxonomy;
  private CoreNlpAnnotator annotator;
  private ThemeClassifier classifier;
  private HttpFetcher fetcher;
  private final PrometheusMeterRegistry meters = newMeters();

  private static PrometheusMeterRegistry newMeters() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(registry);
    new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(registry);
    new io.micrometer.core.instrument.binder.system.ProcessorMetrics().bindTo(registry);
    return registry;
  }

  /** The process's metrics, served at {@code /metrics}. */
  PrometheusMeterRegistry meters() {
    return meters;
  }

  Wiring(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  Settings settings() {
    return settings;
  }

  Clock clock() {
    return clock;
  }

  synchronized Taxonomy taxonomy() {
    if (taxonomy == null) {
      try {
        taxonomy =
            settings.taxonomyDir() == null
                ? Taxonomy.defaultCareer()
                : Taxonomy.load(settings.taxonomyDir());
      } catch (IOException e) {
        throw new UserInputException(
            "cannot load taxonomy from " + settings.taxonomyDir() + ": " + e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new UserInputException("invalid taxonomy: " + e.getMessage());
      }
    }
    return taxonomy;
  }

  List<ThemeInfo> themeInfos() {
    return taxonomy().themes().stream()
        .map(t -> new ThemeInfo(t.id(), t.label(), t.description()))
        .toList();
  }

  /**
   * The briefing over {@code reader}, ranked with the index's trend spikes, with the archive in
   * {@code DATA/briefings/}: what {@code digest}, {@code /api/digest} and the {@code run} schedule
   * all use.
   */
  io.themewire.digest.briefing.Briefings briefings(io.themewire.index.ArticleReader reader) {
    java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
    for (ThemeInfo t : themeInfos()) {
      labels.put(t.id(), t.label());
    }
    return io.themewire.digest.briefing.Briefings.overIndex(
        reader,
        labels,
        new io.themewire.digest.briefing.BriefingArchive(
            settings.dataDir().resolve(io.themewire.digest.briefing.BriefingArchive.FOLDER)));
  }

  synchronized CoreNlpAnnotator annotator() {
    if (annotator == null) {
      annotator = new CoreNlpAnnotator();
    }
    return annotator;
  }

  /**
   * The model for the current taxonomy: loaded from the data folder, or trained and saved there.
   */
  ThemeModel model(Progress progress) {
    try {
      return ThemeModel.loadOrTrain(
          settings.dataDir().resolve("model"), taxonomy(), annotator(), progress);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the theme model under " + settings.dataDir(), e);
    }
  }

  synchronized ThemeClassifier classifier() {
    if (classifier == null) {
      ProgressBar bar = ProgressBar.onStderr("training theme model");
      ThemeModel model = model(bar);
      bar.finish();
      classifier =
          new CoreNlpThemeClassifier(
              annotator(),
              model,
              taxonomy(),
              CoreNlpThemeClassifier.DEFAULT_MAX_CHARS,
              CoreNlpThemeClassifier.DEFAULT_BUDGET);
    }
    return classifier;
  }

  /** A classifier that builds the real one on first use. */
  ThemeClassifier lazyClassifier() {
    return new ThemeClassifier() {
      @Override
      public Classification classify(String text) {
        return classifier().classify(text);
      }
    };
  }

  synchronized HttpFetcher fetcher() {
    if (fetcher == null) {
      fetcher =
          new HttpFetcher(
              FetchLimits.defaults().withAllowPrivate(settings.allowPrivate()),
              HostResolver.SYSTEM,
              clock,
              Sleeper.SYSTEM,
              meters);
    }
    return fetcher;
  }

  LuceneArticleIndex openIndex() {
    try {
      return LuceneArticleIndex.open(settings.dataDir().resolve("index"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the index under " + settings.dataDir(), e);
    }
  }

  /** An ingest stage that skips what {@code alreadyStored} says is stored unchanged. */
  IngestStage ingestStage(BiPredicate<ItemId, String> alreadyStored) {
    return new IngestStage(fetcher(), clock, FetchLimits.DEFAULT_MAX_BYTES, alreadyStored);
  }

  /** An ingest stage that skips items the index holds with the same content and model. */
  IngestStage ingestStage(ArticleIndex index) {
    String modelVersion = ThemeModel.versionFor(taxonomy());
    return ingestStage(
        (id, hash) -> {
          try {
            Optional<ArticleIndex.Stored> stored = index.stored(id);
            return stored.isPresent()
                && stored.get().contentHash().equals(hash)
                && stored.get().modelVersion().equals(modelVersion);
          } catch (IOException e) {
            return false;
          }
        });
  }

  /** The classify stage over the lazily built classifier (either runtime runs it). */
  ClassifyStage classifyStage() {
    return new ClassifyStage(lazyClassifier());
  }

  /** The index stage over {@code index}, committing on the default interval. */
  IndexStage indexStage(ArticleIndex index) {
    return new IndexStage(index, clock, IndexStage.DEFAULT_COMMIT_INTERVAL);
  }

  JsonlDeadLetterLog deadLetterLog() {
    try {
      Files.createDirectories(settings.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data folder " + settings.dataDir(), e);
    }
    return new JsonlDeadLetterLog(deadLetterFile());
  }

  Path deadLetterFile() {
    return settings.dataDir().resolve("dead-letters.jsonl");
  }

  @Override
  public synchronized void close() {
    if (fetcher != null) {
      fetcher.close();
    }
  }
}
