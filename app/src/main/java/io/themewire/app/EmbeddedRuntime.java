package io.themewire.app;

import io.themewire.core.message.RawItem;
import io.themewire.core.stage.DeadLetterSink;
import io.themewire.core.stage.EmbeddedRunner;
import io.themewire.core.stage.JsonlDeadLetterLog;
import io.themewire.index.ArticleIndex;
import io.themewire.index.lucene.LuceneArticleIndex;
import io.themewire.index.lucene.LuceneArticleReader;
import io.themewire.ingest.schedule.PollSchedule;
import io.themewire.ingest.schedule.SourceConfig;
import io.themewire.ingest.source.IngestStage;
import io.themewire.ingest.source.SourceRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All wiring of the embedded mode in one place, beside {@link KafkaRuntime}: the stages of {@link
 * Wiring} chained in one process over in-memory queues ({@link EmbeddedRunner}), and the polling
 * loop that feeds them. The commands ({@code demo}, {@code run}, {@code serve}) and the tests build
 * their pipelines from here.
 */
final class EmbeddedRuntime {

  /** Threads of the classify stage: CoreNLP is the costly part, and the machines have 2 cores. */
  static final int CLASSIFY_WORKERS =
      Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

  /** The source health file, in the data folder. */
  static final String STATE_FILE = "sources.json";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedRuntime.class);

  private final Wiring wiring;

  EmbeddedRuntime(Wiring wiring) {
    this.wiring = wiring;
  }

  Wiring wiring() {
    return wiring;
  }

  /** The embedded pipeline: ingest, classify, index, with failures to the dead-letter log. */
  EmbeddedRunner<SourceRequest> pipeline(ArticleIndex index, DeadLetterSink deadLetters) {
    return EmbeddedRunner.<SourceRequest>builder()
        .then(wiring.ingestStage(index), 1)
        .then(wiring.classifyStage(), CLASSIFY_WORKERS)
        .then(wiring.indexStage(index), 1)
        .deadLetters(deadLetters)
        .clock(wiring.clock())
        .build();
  }

  /** The classify and index stages, fed with items a polling loop (or the item intake) read. */
  EmbeddedRunner<RawItem> classifyAndIndex(ArticleIndex index, DeadLetterSink deadLetters) {
    return EmbeddedRunner.<RawItem>builder()
        .then(wiring.classifyStage(), CLASSIFY_WORKERS)
        .then(wiring.indexStage(index), 1)
        .deadLetters(deadLetters)
        .clock(wiring.clock())
        .build();
  }

  /** The index of the data folder, read-only (serving beside a writer), or a usage error. */
  LuceneArticleReader openReader() {
    Path dir = wiring.settings().dataDir().resolve("index");
    try {
      // Read-only: serving takes no write lock, so it can run beside `run` or `demo` on one folder.
      return LuceneArticleReader.open(dir);
    } catch (NoSuchFileException e) {
      throw new UserInputException(
          "no index in " + dir + " (run `themewire demo` or `themewire run` first)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the index in " + dir, e);
    }
  }

  /** What one poll of every source gave, and the schedule after it. */
  record Once(List<SourcePolling.Polled> results, PollSchedule schedule) {}

  /**
   * Polls every source once, waits until what they gave is indexed and committed, and saves their
   * health to {@code DATA/sources.json}.
   */
  Once pollOnce(List<SourceConfig> sources, Random random)
      throws IOException, InterruptedException {
    try (Polling polling = openPolling(sources, random)) {
      return new Once(polling.polling.pollAll(), polling.polling.schedule());
    }
  }

  /** The polling loop over {@code sources} with its index, dead letters and downstream stages. */
  Polling openPolling(List<SourceConfig> sources, Random random) throws IOException {
    Path stateFile = wiring.settings().dataDir().resolve(STATE_FILE);
    PollSchedule schedule = loadSchedule(stateFile, sources, wiring.clock().instant(), random);
    IngestStage ingest;
    LuceneArticleIndex index = wiring.openIndex();
    JsonlDeadLetterLog deadLetters;
    try {
      ingest = wiring.ingestStage(index);
      deadLetters = wiring.deadLetterLog();
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
    EmbeddedRunner<RawItem> downstream = classifyAndIndex(index, deadLetters);
    SourcePolling polling =
        new SourcePolling(
            schedule,
            ingest::poll,
            downstream,
            index::commit,
            deadLetters,
            wiring.clock(),
            stateFile);
    return new Polling(index, deadLetters, downstream, polling);
  }

  /** The schedule's state file, or a fresh schedule when it cannot be read. */
  static PollSchedule loadSchedule(
      Path stateFile, List<SourceConfig> sources, Instant now, Random random) {
    try {
      return PollSchedule.load(stateFile, sources, now, random);
    } catch (IOException e) {
      log.warn("{}; starting with fresh source health, saved over it", e.getMessage());
      return new PollSchedule(sources, now, random);
    }
  }

  /** Everything a polling run holds open, closed in dependency order. */
  static final class Polling implements AutoCloseable {
    final LuceneArticleIndex index;
    final JsonlDeadLetterLog deadLetters;
    final EmbeddedRunner<RawItem> downstream;
    final SourcePolling polling;

    private Polling(
        LuceneArticleIndex index,
        JsonlDeadLetterLog deadLetters,
        EmbeddedRunner<RawItem> downstream,
        SourcePolling polling) {
      this.index = index;
      this.deadLetters = deadLetters;
      this.downstream = downstream;
      this.polling = polling;
    }

    /** Drains and commits what is in flight, saves the health, closes the log and the index. */
    @Override
    public void close() throws IOException, InterruptedException {
      try {
        downstream.close();
        polling.save();
      } finally {
        try {
          deadLetters.close();
        } finally {
          index.close();
        }
      }
    }
  }
}
