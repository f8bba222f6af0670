package io.themewire.app;

import io.themewire.core.json.Json;
import io.themewire.core.message.DeadLetter;
import io.themewire.core.message.RawItem;
import io.themewire.core.stage.DeadLetterSink;
import io.themewire.core.stage.EmbeddedRunner;
import io.themewire.core.stage.Outcome;
import io.themewire.ingest.fetch.FetchResult;
import io.themewire.ingest.fetch.Sleeper;
import io.themewire.ingest.fetch.Validators;
import io.themewire.ingest.schedule.PollSchedule;
import io.themewire.ingest.schedule.SourceHealth;
import io.themewire.ingest.source.SourceRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The polling loop of {@code themewire run}: every tick, reads each due source with the ingest
 * stage (conditionally, with the validators its last fetch gave), records how it went in the {@link
 * PollSchedule}, hands new items to the classify-and-index runner, waits for them to be indexed and
 * committed, then saves the schedule — so the saved validators never run ahead of the index, and a
 * restart after a crash fetches again whatever was not yet stored.
 *
 * <p>Sources are read one after another on the calling thread: politeness per host is the fetcher's
 * job, and classification, not fetching, is what takes time. A source that fails becomes a dead
 * letter as in {@code themewire demo}, and its backoff is the schedule's.
 *
 * <p>Not thread-safe except {@link #stop()} and {@link #awaitStop}, which any thread may call.
 */
final class SourcePolling {

  /** Time between looks at the schedule. */
  static final Duration TICK = Duration.ofSeconds(5);

  /** How long a tick waits for its new items to be classified and indexed. */
  static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(30);

  private static final Logger log = LoggerFactory.getLogger(SourcePolling.class);

  /** Reads one source; the ingest stage's conditional {@code process}. */
  @FunctionalInterface
  interface SourceReader {
    /**
     * @param known validators of the last fetched body, {@link Validators#NONE} if none
     * @param onFetch sees the fetch result of a URL before it is parsed; not called for files
     * @param onDelivered told how many items the document held, new or already stored
     */
    Outcome<RawItem> read(
        SourceRequest request,
        Validators known,
        Consumer<FetchResult> onFetch,
        java.util.function.IntConsumer onDelivered);
  }

  /** Where polled items go: the classify and index stages, or a topic. */
  interface Downstream {
    void submit(RawItem item) throws InterruptedException;

    /** Waits until everything submitted so far is done with; false when {@code timeout} ran out. */
    boolean awaitIdle(Duration timeout) throws InterruptedException;

    /** The embedded classify-and-index runner as a downstream. */
    static Downstream of(EmbeddedRunner<RawItem> runner) {
      return new Downstream() {
        @Override
        public void submit(RawItem item) throws InterruptedException {
          runner.submit(item);
        }

        @Override
        public boolean awaitIdle(Duration timeout) throws InterruptedException {
          return runner.awaitIdle(timeout);
        }
      };
    }
  }

  /** Makes everything indexed so far durable. */
  @FunctionalInterface
  interface Checkpoint {
    void commit() throws IOException;
  }

  /**
   * What one poll of one source gave.
   *
   * @param code {@code emitted} (new items), {@code skipped} (nothing new), or the failure reason
   * @param newItems items handed on for classification
   * @param message why nothing was new, or what failed; null for {@code emitted}
   */
  record Polled(String location, String code, int newItems, String message) {
    Polled {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(code, "code");
    }

    boolean failed() {
      return !code.equals("emitted") && !code.equals("skipped");
    }
  }

  private final PollSchedule schedule;
  private final SourceReader reader;
  private final Downstream downstream;
  private final Checkpoint checkpoint;
  private final DeadLetterSink deadLetters;
  private final Clock clock;
  private final Path stateFile;
  private final CountDownLatch stopped = new CountDownLatch(1);

  /** A drain or commit failed: the health file is not saved until a commit works. */
  private boolean uncommitted;

  /**
   * @param downstream classify and index; this loop submits to it and waits for it, never closes it
   * @param stateFile where the schedule is saved after each tick
   */
  SourcePolling(
      PollSchedule schedule,
      SourceReader reader,
      EmbeddedRunner<RawItem> downstream,
      Checkpoint checkpoint,
      DeadLetterSink deadLetters,
      Clock clock,
      Path stateFile) {
    this(
        schedule,
        reader,
        Downstream.of(Objects.requireNonNull(downstream, "downstream")),
        checkpoint,
        deadLetters,
        clock,
        stateFile);
  }

  /** As above, with items going to {@code downstream}. */
  SourcePolling(
      PollSchedule schedule,
      SourceReader reader,
      Downstream downstream,
      Checkpoint checkpoint,
      DeadLetterSink deadLetters,
      Clock clock,
      Path stateFile) {
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.downstream = Objects.requireNonNull(downstream, "downstream");
    this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
    this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.stateFile = Objects.requireNonNull(stateFile, "stateFile");
  }

  PollSchedule schedule() {
    return schedule;
  }

  /**
   * Ticks every {@link #TICK} until {@link #stop()}: polls what is due, then sleeps.
   *
   * @param sleeper waits between ticks; {@link #awaitStop} in production, so that a stop wakes it
   */
  void run(Sleeper sleeper) throws InterruptedException {
    log.info(
        "polling {} sources; state in {}", schedule.locations().size(), stateFile.toAbsolutePath());
    while (!isStopped()) {
      tick();
      if (!isStopped()) {
        sleeper.sleep(TICK);
      }
    }
  }

  /** Polls the sources due now, then saves. */
  List<Polled> tick() throws InterruptedException {
    return poll(schedule.due(clock.instant()));
  }

  /** Polls every source once, due or not, then saves: {@code themewire run --once}. */
  List<Polled> pollAll() throws InterruptedException {
    return poll(schedule.locations());
  }

  /** Asks {@link #run} to end after the source it is reading; callable from any thread. */
  void stop() {
    stopped.countDown();
  }

  boolean isStopped() {
    return stopped.getCount() == 0;
  }

  /** Sleeps for {@code d}, or until {@link #stop()}: the production {@link Sleeper}. */
  void awaitStop(Duration d) throws InterruptedException {
    stopped.await(d.toNanos(), TimeUnit.NANOSECONDS);
  }

  private List<Polled> poll(List<String> locations) throws InterruptedException {
    if (locations.isEmpty()) {
      return List.of();
    }
    List<Polled> results = new ArrayList<>();
    int items = 0;
    for (String location : locations) {
      if (isStopped()) {
        break;
      }
      Polled p = pollOne(location);
      results.add(p);
      items += p.newItems();
    }
    if (items > 0 || uncommitted) {
      uncommitted = !drain();
    }
    if (uncommitted) {
      // not committed (a full disk, say): the health file keeps the polls of the last commit, so
      // a restart reads these sources again instead of taking their items as stored
      logSummary(results, items);
      return results;
    }
    save();
    logSummary(results, items);
    return results;
  }

  private Polled pollOne(String location) throws InterruptedException {
    Validators known = schedule.health(location).validators();
    AtomicReference<FetchResult> fetch = new AtomicReference<>();
    java.util.concurrent.atomic.AtomicInteger delivered =
        new java.util.concurrent.atomic.AtomicInteger();
    Outcome<RawItem> outcome;
    try {
      outcome = reader.read(new SourceRequest(location), known, fetch::set, delivered::set);
    } catch (RuntimeException e) {
      outcome = Outcome.failed("exception", location + " - " + e, e);
    }
    Instant now = clock.instant();
    FetchResult fetched = fetch.get();
    if (outcome instanceof Outcome.Emitted<RawItem> emitted) {
      List<RawItem> values = emitted.values();
      for (RawItem item : values) {
        downstream.submit(item);
      }
      schedule.recordSuccess(location, now, values.size(), delivered.get(), validatorsOf(fetched));
      log.debug("{} - {} new items", location, values.size());
      return new Polled(location, outcome.code(), values.size(), null);
    }
    if (outcome instanceof Outcome.Skipped<RawItem> skipped) {
      if (fetched instanceof FetchResult.NotModified) {
        schedule.recordUnchanged(location, now);
      } else {
        schedule.recordSuccess(location, now, 0, delivered.get(), validatorsOf(fetched));
      }
      log.debug("{} - nothing new ({})", location, skipped.reason());
      return new Polled(location, outcome.code(), 0, skipped.reason());
    }
    Outcome.Failed<RawItem> failed = (Outcome.Failed<RawItem>) outcome;
    Duration retryAfter = null;
    boolean retryable = failed.reason().equals("io-error");
    if (fetched instanceof FetchResult.Failed fetchFailed) {
      retryAfter = fetchFailed.retryAfter();
      retryable = fetchFailed.isRetryable();
    }
    schedule.recordFailure(location, now, failed.reason(), failed.message(), retryAfter, retryable);
    deadLetter(location, failed, now);
    SourceHealth h = schedule.health(location);
    log.warn(
        "{} - poll failed ({}), {} in a row; next poll at {}: {}",
        location,
        failed.reason(),
        h.consecutiveFailures(),
        h.nextPoll(),
        failed.message());
    return new Polled(location, failed.reason(), 0, failed.message());
  }

  private static Validators validatorsOf(FetchResult fetched) {
    return fetched instanceof FetchResult.Fetched f ? f.validators() : null;
  }

  private void deadLetter(String location, Outcome.Failed<RawItem> failed, Instant now) {
    try {
      deadLetters.accept(
          new DeadLetter(
              "ingest",
              failed.reason(),
              failed.message(),
              Json.write(new SourceRequest(location)),
              now));
    } catch (RuntimeException e) {
      log.error("{} - dead letter could not be stored: {}", location, e.toString(), e);
    }
  }

  /**
   * Waits until the items handed on are indexed, then commits them.
   *
   * @return whether they were committed
   */
  private boolean drain() throws InterruptedException {
    if (!downstream.awaitIdle(DRAIN_TIMEOUT)) {
      log.warn(
          "items still being classified after {}; the source health is not saved until they are"
              + " committed",
          DRAIN_TIMEOUT);
      return false;
    }
    try {
      checkpoint.commit();
      return true;
    } catch (IOException | RuntimeException e) {
      log.error(
          "index commit failed, source health not saved (these sources are read again after a"
              + " restart): {}",
          e.toString(),
          e);
      return false;
    }
  }

  /** Saves the schedule; a failure is logged, and the next tick tries again. */
  void save() {
    try {
      schedule.save(stateFile);
    } catch (IOException e) {
      log.error("{} - cannot save source health: {}", stateFile, e.toString(), e);
    }
  }

  private void logSummary(List<Polled> results, int items) {
    long failed = results.stream().filter(Polled::failed).count();
    log.info(
        "polled {} sources: {} new items, {} with nothing new, {} failed; next poll at {}",
        results.size(),
        items,
        results.size() - failed - results.stream().filter(p -> p.newItems() > 0).count(),
        failed,
        schedule.nextDue());
  }
}
