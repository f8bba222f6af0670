package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.themewire.core.message.DeadLetter;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.Published;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.Source;
import io.themewire.core.message.SourceKind;
import io.themewire.core.stage.EmbeddedRunner;
import io.themewire.core.stage.Outcome;
import io.themewire.core.stage.Stage;
import io.themewire.ingest.fetch.FetchResult;
import io.themewire.ingest.fetch.Validators;
import io.themewire.ingest.schedule.PollSchedule;
import io.themewire.ingest.schedule.SourceConfig;
import io.themewire.ingest.schedule.SourceHealth;
import io.themewire.ingest.source.SourceRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The polling loop against a scripted reader and a mutable clock: no network, no sleeping. */
class SourcePollingTest {

  static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
  static final String FEED = "https://example.org/feed.xml";
  static final String FILE = "/srv/feeds/missing.xml";
  static final Validators V1 = new Validators("\"v1\"", null, "hash-1");

  @TempDir Path dir;

  final MutableClock clock = new MutableClock(T0);
  final List<RawItem> indexed = new CopyOnWriteArrayList<>();
  final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
  final AtomicInteger commits = new AtomicInteger();
  final List<String> reads = new ArrayList<>();
  final List<Validators> knownAtRead = new ArrayList<>();
  final EmbeddedRunner<RawItem> downstream =
      EmbeddedRunner.<RawItem>builder()
          .then(
              new Stage<RawItem, RawItem>() {
                @Override
                public String name() {
                  return "index";
                }

                @Override
                public Outcome<RawItem> process(RawItem item) {
                  indexed.add(item);
                  return Outcome.skipped("stored");
                }
              },
              1)
          .deadLetters(deadLetters::add)
          .build();

  @AfterEach
  void close() throws InterruptedException {
    downstream.close();
  }

  /** A feed that has two items at first and answers 304 after; a file that is not there. */
  Outcome<RawItem> read(
      SourceRequest request,
      Validators known,
      Consumer<FetchResult> onFetch,
      java.util.function.IntConsumer onDelivered) {
    reads.add(request.location());
    knownAtRead.add(known);
    if (request.location().equals(FILE)) {
      return Outcome.failed("not-found", "no such file: " + FILE);
    }
    if (known.equals(V1)) {
      onFetch.accept(new FetchResult.NotModified(FEED, "not-modified"));
      return Outcome.skipped("not-modified");
    }
    onFetch.accept(new FetchResult.Fetched(FEED, FEED, "application/rss+xml", new byte[1], V1));
    return Outcome.emitted(List.of(item("a"), item("b")));
  }

  RawItem item(String guid) {
    return new RawItem(
        ItemId.of("example", guid),
        null,
        new Source("example", "Example", SourceKind.FEED),
        "Title " + guid,
        null,
        Published.firstSeen(clock.instant()),
        clock.instant(),
        "en",
        "Text of " + guid,
        null,
        null,
        null,
        null,
        null);
  }

  SourcePolling polling(List<SourceConfig> sources, SourcePolling.SourceReader reader) {
    return new SourcePolling(
        new PollSchedule(sources, T0, new Random(7)),
        reader,
        downstream,
        commits::incrementAndGet,
        deadLetters::add,
        clock,
        dir.resolve("sources.json"));
  }

  @Test
  void run_pollsEachSourceWhenDue_andSavesAfterEveryTickThatPolled() throws Exception {
    SourcePolling polling =
        polling(
            List.of(
                new SourceConfig(FEED, Duration.ofMinutes(30), "Example"),
                new SourceConfig(FILE, Duration.ofHours(1), null)),
            this::read);
    Instant end = T0.plus(Duration.ofMinutes(31));

    polling.run(
        d -> {
          clock.advance(d);
          if (clock.instant().isAfter(end)) {
            polling.stop();
          }
        });

    // Then: the feed was read at T0 and again at T0+30m (conditionally); the file only at T0.
    assertThat(reads).containsExactly(FEED, FILE, FEED);
    assertThat(knownAtRead).containsExactly(Validators.NONE, Validators.NONE, V1);
    assertThat(indexed).extracting(RawItem::title).containsExactly("Title a", "Title b");
    assertThat(commits).hasValue(1);
    Instant second = T0.plus(Duration.ofMinutes(30));
    assertThat(polling.schedule().health())
        .containsExactly(
            new SourceHealth(
                FEED, "Example", second, null, 2, 0, second.plus(Duration.ofMinutes(30)), V1),
            new SourceHealth(
                FILE,
                null,
                null,
                new SourceHealth.LastError("not-found", "no such file: " + FILE, T0),
                0,
                1,
                T0.plus(Duration.ofHours(1)),
                Validators.NONE));
    assertThat(PollSchedule.readHealth(dir.resolve("sources.json")))
        .isEqualTo(polling.schedule().health());
    assertThat(deadLetters)
        .extracting(DeadLetter::stage, DeadLetter::reason, DeadLetter::message, DeadLetter::at)
        .containsExactly(tuple("ingest", "not-found", "no such file: " + FILE, T0));
    assertThat(deadLetters.get(0).payload()).contains(FILE);
  }

  @Test
  void tick_fetchFailure_honoursRetryAfter_andIsNotADeadEnd() throws Exception {
    SourcePolling polling =
        polling(
            List.of(SourceConfig.of(FEED)),
            (request, known, onFetch, onDelivered) -> {
              onFetch.accept(
                  FetchResult.Failed.http(
                      FEED, 503, FEED + " answered HTTP 503", Duration.ofMinutes(10)));
              return Outcome.failed("http-503", FEED + " answered HTTP 503");
            });

    List<SourcePolling.Polled> polled = polling.tick();

    assertThat(polled)
        .containsExactly(
            new SourcePolling.Polled(FEED, "http-503", 0, FEED + " answered HTTP 503"));
    assertThat(polling.schedule().health(FEED).nextPoll())
        .isEqualTo(T0.plus(Duration.ofMinutes(10)));
    assertThat(polling.tick()).isEmpty();
    clock.advance(Duration.ofMinutes(10));
    assertThat(polling.tick()).hasSize(1);
    assertThat(polling.schedule().health(FEED).consecutiveFailures()).isEqualTo(2);
  }

  @Test
  void tick_readerThrows_isAFailureOfThatSourceOnly() throws Exception {
    SourcePolling polling =
        polling(
            List.of(SourceConfig.of(FILE), SourceConfig.of(FEED)),
            (request, known, onFetch, onDelivered) -> {
              if (request.location().equals(FILE)) {
                throw new IllegalStateException("boom");
              }
              return read(request, known, onFetch, onDelivered);
            });

    List<SourcePolling.Polled> polled = polling.tick();

    assertThat(polled)
        .extracting(SourcePolling.Polled::code)
        .containsExactly("exception", "emitted");
    assertThat(polling.schedule().health(FEED).itemsSeen()).isEqualTo(2);
    assertThat(polling.schedule().health(FILE).nextPoll())
        .isEqualTo(T0.plus(SourceConfig.DEFAULT_INTERVAL));
  }

  /**
   * Issue 10 point 7: after a restart that lost the health file (a kill before it was saved), a
   * source's items are already stored, so none is new; items seen still counts what the source
   * delivered (it was 0 before), and later polls add only what is new.
   */
  @Test
  void tick_itemsAlreadyStored_stillCountAsSeen_withoutCountingTwice() throws Exception {
    java.util.concurrent.atomic.AtomicInteger fresh =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger held =
        new java.util.concurrent.atomic.AtomicInteger(500);
    SourcePolling polling =
        polling(
            List.of(SourceConfig.of(FILE)),
            (request, known, onFetch, onDelivered) -> {
              onDelivered.accept(held.get());
              List<RawItem> items = new java.util.ArrayList<>();
              for (int i = 0; i < fresh.get(); i++) {
                items.add(item("new-" + held.get() + "-" + i));
              }
              return items.isEmpty() ? Outcome.skipped("unchanged") : Outcome.emitted(items);
            });

    polling.tick();
    assertThat(polling.schedule().health(FILE).itemsSeen()).isEqualTo(500);

    clock.advance(SourceConfig.DEFAULT_INTERVAL);
    polling.tick();
    assertThat(polling.schedule().health(FILE).itemsSeen()).isEqualTo(500);

    held.set(502);
    fresh.set(2);
    clock.advance(SourceConfig.DEFAULT_INTERVAL);
    polling.tick();
    assertThat(polling.schedule().health(FILE).itemsSeen()).isEqualTo(502);
  }

  // RELIABILITY row 43: the index commit fails (the disk is full): the poll is not saved as done,
  // so a restart reads the source again rather than taking items that were never committed as
  // stored; the next tick whose commit works saves it.
  @Test
  void tick_commitFails_doesNotSaveThePollAsDone() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean diskFull =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    SourcePolling polling =
        new SourcePolling(
            new PollSchedule(List.of(SourceConfig.of(FEED)), T0, new Random(7)),
            this::read,
            downstream,
            () -> {
              if (diskFull.get()) {
                throw new java.io.IOException("No space left on device");
              }
              commits.incrementAndGet();
            },
            deadLetters::add,
            clock,
            dir.resolve("sources.json"));

    polling.tick();

    assertThat(indexed).hasSize(2);
    assertThat(java.nio.file.Files.exists(dir.resolve("sources.json"))).isFalse();

    diskFull.set(false);
    clock.advance(SourceConfig.DEFAULT_INTERVAL);
    polling.pollAll(); // nothing new (304), but what the failed commit held is committed first
    assertThat(commits).hasValue(1);
    assertThat(PollSchedule.readHealth(dir.resolve("sources.json")))
        .singleElement()
        .satisfies(h -> assertThat(h.lastSuccess()).isNotNull());
  }

  @Test
  void stop_beforeRun_endsWithoutPolling() throws Exception {
    SourcePolling polling = polling(List.of(SourceConfig.of(FEED)), this::read);

    polling.stop();
    polling.run(d -> clock.advance(d));

    assertThat(reads).isEmpty();
  }
}
