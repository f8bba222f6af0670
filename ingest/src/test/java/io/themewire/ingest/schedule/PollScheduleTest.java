package io.themewire.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.themewire.ingest.fetch.Validators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PollScheduleTest {

  static final String FEED = "https://example.org/feed.xml";
  static final String FILE = "/srv/feeds/local.xml";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC);
  static final Instant T0 = CLOCK.instant();
  static final Validators ETAG = new Validators("\"v1\"", null, "abc");

  @TempDir Path dir;

  /** Jitter of exactly 1.0, so backoff waits are the plain powers of two. */
  static Random noJitter() {
    return new Random() {
      @Override
      public double nextDouble() {
        return 0.5;
      }
    };
  }

  static List<SourceConfig> sources() {
    return List.of(
        new SourceConfig(FEED, Duration.ofMinutes(30), "Example"),
        new SourceConfig(FILE, Duration.ofHours(1), null));
  }

  PollSchedule schedule() {
    return new PollSchedule(sources(), T0, noJitter());
  }

  @Test
  void due_newSources_areDueNow_inConfiguredOrder() {
    PollSchedule schedule = schedule();

    assertThat(schedule.due(T0)).containsExactly(FEED, FILE);
    assertThat(schedule.health())
        .containsExactly(
            new SourceHealth(FEED, "Example", null, null, 0, 0, T0, Validators.NONE),
            new SourceHealth(FILE, null, null, null, 0, 0, T0, Validators.NONE));
  }

  @Test
  void recordSuccess_schedulesOneIntervalLater() {
    PollSchedule schedule = schedule();

    schedule.recordSuccess(FEED, T0, 12, ETAG);

    assertThat(schedule.health(FEED))
        .isEqualTo(
            new SourceHealth(
                FEED, "Example", T0, null, 12, 0, T0.plus(Duration.ofMinutes(30)), ETAG));
    assertThat(schedule.due(T0)).containsExactly(FILE);
    assertThat(schedule.due(T0.plus(Duration.ofMinutes(29)))).containsExactly(FILE);
    assertThat(schedule.due(T0.plus(Duration.ofMinutes(30)))).containsExactly(FEED, FILE);
    assertThat(schedule.nextDue()).isEqualTo(T0);
  }

  @Test
  void recordSuccess_countsAtLeastTheItemsOfTheDocument_evenWhenNoneWasNew() {
    PollSchedule schedule = schedule();

    // A file whose 500 items were all stored before the health file knew of them.
    schedule.recordSuccess(FILE, T0, 0, 500, null);
    assertThat(schedule.health(FILE).itemsSeen()).isEqualTo(500);
    // Read again: nothing new, nothing counted twice.
    schedule.recordSuccess(FILE, T0, 0, 500, null);
    assertThat(schedule.health(FILE).itemsSeen()).isEqualTo(500);
    // A feed's window moves on: new items add to what it has given over all polls.
    schedule.recordSuccess(FEED, T0, 30, 30, ETAG);
    schedule.recordSuccess(FEED, T0, 5, 20, ETAG);
    assertThat(schedule.health(FEED).itemsSeen()).isEqualTo(35);
    assertThatThrownBy(() -> schedule.recordSuccess(FEED, T0, 0, -1, ETAG))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void recordUnchanged_isASuccessWithNoItems_keepingTheValidators() {
    PollSchedule schedule = schedule();
    schedule.recordSuccess(FEED, T0, 5, ETAG);
    Instant later = T0.plus(Duration.ofMinutes(30));

    schedule.recordUnchanged(FEED, later);

    assertThat(schedule.health(FEED))
        .isEqualTo(
            new SourceHealth(
                FEED, "Example", later, null, 5, 0, later.plus(Duration.ofMinutes(30)), ETAG));
  }

  @Test
  void recordFailure_repeated_backsOffExponentially() {
    PollSchedule schedule = schedule();
    Instant now = T0;
    Instant lastFailure = null;
    for (int minutes : new int[] {1, 2, 4, 8, 16}) {
      schedule.recordFailure(FEED, now, "http-503", FEED + " answered HTTP 503", null, true);
      lastFailure = now;
      Instant next = schedule.health(FEED).nextPoll();
      assertThat(Duration.between(now, next)).isEqualTo(Duration.ofMinutes(minutes));
      assertThat(schedule.due(next.minusSeconds(1))).doesNotContain(FEED);
      assertThat(schedule.due(next)).contains(FEED);
      now = next;
    }
    assertThat(schedule.health(FEED).consecutiveFailures()).isEqualTo(5);
    assertThat(schedule.health(FEED).lastError())
        .isEqualTo(
            new SourceHealth.LastError("http-503", FEED + " answered HTTP 503", lastFailure));
  }

  // RELIABILITY row 17
  @Test
  void recordFailure_honoursALongerRetryAfter_notAShorterOne() {
    PollSchedule schedule = schedule();

    schedule.recordFailure(FEED, T0, "http-429", "slow down", Duration.ofMinutes(10), true);
    assertThat(schedule.health(FEED).nextPoll()).isEqualTo(T0.plus(Duration.ofMinutes(10)));

    Instant later = T0.plus(Duration.ofMinutes(10));
    schedule.recordFailure(FEED, later, "http-429", "slow down", Duration.ofSeconds(10), true);
    assertThat(schedule.health(FEED).nextPoll()).isEqualTo(later.plus(Duration.ofMinutes(2)));
  }

  @Test
  void recordFailure_notRetryable_waitsAtLeastOneInterval() {
    PollSchedule schedule = schedule();

    schedule.recordFailure(FILE, T0, "not-found", "no such file: " + FILE, null, false);

    assertThat(schedule.health(FILE))
        .isEqualTo(
            new SourceHealth(
                FILE,
                null,
                null,
                new SourceHealth.LastError("not-found", "no such file: " + FILE, T0),
                0,
                1,
                T0.plus(Duration.ofHours(1)),
                Validators.NONE));
  }

  @Test
  void recordSuccess_afterFailures_resetsTheCount_andKeepsTheLastError() {
    PollSchedule schedule = schedule();
    schedule.recordFailure(FEED, T0, "timeout", "too slow", null, true);
    Instant t1 = T0.plus(Duration.ofMinutes(1));
    schedule.recordFailure(FEED, t1, "timeout", "too slow", null, true);
    Instant t2 = t1.plus(Duration.ofMinutes(2));

    schedule.recordSuccess(FEED, t2, 3, ETAG);

    assertThat(schedule.health(FEED))
        .isEqualTo(
            new SourceHealth(
                FEED,
                "Example",
                t2,
                new SourceHealth.LastError("timeout", "too slow", t1),
                3,
                0,
                t2.plus(Duration.ofMinutes(30)),
                ETAG));
    // The next failure starts the backoff from the beginning again.
    Instant t3 = t2.plus(Duration.ofMinutes(30));
    schedule.recordFailure(FEED, t3, "timeout", "too slow", null, true);
    assertThat(schedule.health(FEED).nextPoll()).isEqualTo(t3.plus(Duration.ofMinutes(1)));
  }

  @Test
  void record_unknownSource_isRefused() {
    PollSchedule schedule = schedule();

    assertThatThrownBy(() -> schedule.recordSuccess("https://other.example/", T0, 1, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a configured source: https://other.example/");
  }

  @Test
  void construct_sameLocationTwice_isRefused() {
    assertThatThrownBy(
            () ->
                new PollSchedule(
                    List.of(SourceConfig.of(FEED), SourceConfig.of(FEED)), T0, noJitter()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("source configured twice: " + FEED);
  }

  @Test
  void sourceConfig_intervalOutsideBounds_isRefused() {
    assertThatThrownBy(() -> new SourceConfig(FEED, Duration.ofSeconds(30), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be PT1M to PT168H, got PT30S");
    assertThat(SourceConfig.of(FEED).interval()).isEqualTo(SourceConfig.DEFAULT_INTERVAL);
  }

  @Test
  void saveThenLoad_roundTripsEveryField() throws IOException {
    PollSchedule schedule = schedule();
    schedule.recordSuccess(FEED, T0, 7, ETAG);
    schedule.recordFailure(FILE, T0, "not-found", "no such file: " + FILE, null, false);
    Path file = dir.resolve("state").resolve("sources.json");

    schedule.save(file);
    PollSchedule loaded =
        PollSchedule.load(file, sources(), T0.plus(Duration.ofMinutes(5)), noJitter());

    assertThat(loaded.health()).isEqualTo(schedule.health());
    assertThat(PollSchedule.readHealth(file)).isEqualTo(schedule.health());
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void load_dropsUnknownSources_andNewSourcesAreDueNow() throws IOException {
    PollSchedule schedule = schedule();
    schedule.recordSuccess(FEED, T0, 7, ETAG);
    schedule.recordSuccess(FILE, T0, 2, null);
    Path file = dir.resolve("sources.json");
    schedule.save(file);
    String added = "https://new.example/atom.xml";
    Instant now = T0.plus(Duration.ofMinutes(5));

    PollSchedule loaded =
        PollSchedule.load(
            file,
            List.of(
                new SourceConfig(FEED, Duration.ofMinutes(30), "Example"), SourceConfig.of(added)),
            now,
            noJitter());

    assertThat(loaded.locations()).containsExactly(FEED, added);
    assertThat(loaded.health(FEED)).isEqualTo(schedule.health(FEED));
    assertThat(loaded.due(now)).containsExactly(added);
  }

  @Test
  void load_shortenedInterval_isDueOneNewIntervalAfterTheLastSuccess() throws IOException {
    PollSchedule schedule = schedule();
    schedule.recordSuccess(FILE, T0, 2, null);
    Path file = dir.resolve("sources.json");
    schedule.save(file);

    PollSchedule loaded =
        PollSchedule.load(
            file,
            List.of(new SourceConfig(FILE, Duration.ofMinutes(10), null)),
            T0.plus(Duration.ofMinutes(1)),
            noJitter());

    assertThat(loaded.health(FILE).nextPoll()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
  }

  @Test
  void load_missingFile_startsFresh() throws IOException {
    PollSchedule loaded = PollSchedule.load(dir.resolve("absent.json"), sources(), T0, noJitter());

    assertThat(loaded.health()).isEqualTo(schedule().health());
  }

  @Test
  void load_notAStateFile_failsNamingTheFile() throws IOException {
    Path file = dir.resolve("sources.json");
    Files.writeString(file, "[1, 2");

    assertThatThrownBy(() -> PollSchedule.load(file, sources(), T0, noJitter()))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file + " is not a source health file");

    Files.writeString(file, "{\"version\": 99, \"sources\": []}");
    assertThatThrownBy(() -> PollSchedule.load(file, sources(), T0, noJitter()))
        .isInstanceOf(IOException.class)
        .hasMessage(file + " has layout version 99; this Themewire reads version 1");
  }

  @Test
  void restore_healthFromAnotherProcess_carriesOnWhereItLeftOff_andRemoveStopsScheduling() {
    // Given: one process polled the feed; a second one takes the source over.
    PollSchedule first = schedule();
    first.recordSuccess(FEED, T0, 5, ETAG);
    PollSchedule second = new PollSchedule(List.of(), T0, noJitter());
    second.add(sources().get(0), T0.plusSeconds(60));

    // When
    second.restore(first.health(FEED), T0.plusSeconds(60));
    second.restore(
        new SourceHealth("https://elsewhere.example/", null, null, null, 0, 0, T0, null), T0);

    // Then: due one interval after the first process's poll, with its validators; nothing else
    // added.
    assertThat(second.due(T0.plus(Duration.ofMinutes(29)))).isEmpty();
    assertThat(second.due(T0.plus(Duration.ofMinutes(30)))).containsExactly(FEED);
    assertThat(second.health(FEED).validators()).isEqualTo(ETAG);
    assertThat(second.locations()).containsExactly(FEED);
    assertThat(second.remove(FEED)).isTrue();
    assertThat(second.remove(FEED)).isFalse();
    assertThat(second.contains(FEED)).isFalse();
    assertThat(second.due(T0.plus(Duration.ofDays(1)))).isEmpty();
  }
}
