package io.themewire.ingest.schedule;

import io.themewire.core.json.Json;
import io.themewire.ingest.fetch.Backoff;
import io.themewire.ingest.fetch.Validators;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When each configured source is due, and how each is doing.
 *
 * <p>A success (new items, nothing new, or a 304 / unchanged body) schedules the next poll one
 * interval later and resets the failure count. A failure schedules it after {@link Backoff#next}
 * for the failures in a row so far — exponential from a minute, with jitter, honouring {@code
 * Retry-After}, at most a day. A failure that retrying will not cure by itself ({@code
 * parse-error}, {@code not-a-feed}, {@code robots-disallowed}, a missing file) waits at least one
 * interval as well, so a broken source costs no more than a healthy one.
 *
 * <p>Times are passed in ({@code now}); nothing here reads a clock. Persists as one JSON file
 * ({@link #save}, {@link #load}), written to a temporary file and moved into place, so a crash
 * leaves the old file or the new one, never half of one. Thread-safe.
 */
public final class PollSchedule {

  /** Version of the state file's layout; {@link #load} refuses other versions. */
  static final int FORMAT_VERSION = 1;

  private static final Logger log = LoggerFactory.getLogger(PollSchedule.class);

  private final Map<String, Slot> slots = new LinkedHashMap<>();
  private final Random random;

  private static final class Slot {
    final SourceConfig config;
    SourceHealth health;

    Slot(SourceConfig config, SourceHealth health) {
      this.config = config;
      this.health = health;
    }
  }

  /** The state file: its layout version and every source's health. */
  record State(int version, List<SourceHealth> sources) {
    State {
      sources = sources == null ? List.of() : List.copyOf(sources);
    }
  }

  /**
   * A schedule in which every source is new and due at {@code now}.
   *
   * @param sources the configured sources, in display order; no location twice
   * @param random jitter for backoff; inject a seeded one in tests
   */
  public PollSchedule(List<SourceConfig> sources, Instant now, Random random) {
    Objects.requireNonNull(now, "now");
    this.random = Objects.requireNonNull(random, "random");
    for (SourceConfig source : sources) {
      if (slots.putIfAbsent(source.location(), new Slot(source, SourceHealth.fresh(source, now)))
          != null) {
        throw new IllegalArgumentException("source configured twice: " + source.location());
      }
    }
  }

  /**
   * A schedule for the configured sources that carries on from the state file: sources the file
   * knows keep their health and next poll; sources it does not know start due at {@code now};
   * sources only the file knows are dropped. A missing file is a fresh start.
   *
   * <p>A healthy source whose interval was shortened is due one new interval after its last
   * success; no saved next poll lies more than a day or an interval beyond {@code now}.
   *
   * @throws IOException when the file exists but cannot be read as a state file
   */
  public static PollSchedule load(Path file, List<SourceConfig> sources, Instant now, Random random)
      throws IOException {
    PollSchedule schedule = new PollSchedule(sources, now, random);
    if (Files.exists(file)) {
      for (SourceHealth saved : readHealth(file)) {
        schedule.restore(saved, now);
      }
    }
    return schedule;
  }

  /**
   * The health of every source in a state file, in the file's order, without a configuration: for
   * reporting.
   *
   * @throws IOException when the file cannot be read or is not a state file
   */
  public static List<SourceHealth> readHealth(Path file) throws IOException {
    State state;
    try {
      state = Json.mapper().readValue(file.toFile(), State.class);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      String message = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
      throw new IOException(
          file + " is not a source health file: " + message.lines().findFirst().orElse(""), e);
    }
    if (state == null) {
      throw new IOException(file + " is empty, not a source health file");
    }
    if (state.version() != FORMAT_VERSION) {
      throw new IOException(
          file
              + " has layout version "
              + state.version()
              + "; this Themewire reads version "
              + FORMAT_VERSION);
    }
    return state.sources();
  }

  /**
   * Carries on from a saved health of a scheduled source — another process's last poll of it, say —
   * as {@link #load} does for each source of its file. A location not scheduled is ignored.
   */
  public synchronized void restore(SourceHealth saved, Instant now) {
    Slot slot = slots.get(saved.location());
    if (slot == null) {
      log.debug("{} - no longer configured; its health is dropped", saved.location());
      return;
    }
    Duration interval = slot.config.interval();
    Instant next = saved.nextPoll();
    if (saved.consecutiveFailures() == 0 && saved.lastSuccess() != null) {
      next = earliest(next, saved.lastSuccess().plus(interval));
    }
    Duration furthest = interval.compareTo(Backoff.MAX) > 0 ? interval : Backoff.MAX;
    next = earliest(next, now.plus(furthest));
    slot.health =
        new SourceHealth(
            saved.location(),
            slot.config.name(),
            saved.lastSuccess(),
            saved.lastError(),
            saved.itemsSeen(),
            saved.consecutiveFailures(),
            next,
            saved.validators());
  }

  /** The locations due at {@code now}, in configured order. */
  public synchronized List<String> due(Instant now) {
    List<String> due = new ArrayList<>();
    for (Slot slot : slots.values()) {
      if (!slot.health.nextPoll().isAfter(now)) {
        due.add(slot.config.location());
      }
    }
    return due;
  }

  /** Every configured location, in configured order. */
  public synchronized List<String> locations() {
    return List.copyOf(slots.keySet());
  }

  /** The earliest next poll of any source, or null when there are none. */
  public synchronized Instant nextDue() {
    Instant next = null;
    for (Slot slot : slots.values()) {
      next = next == null ? slot.health.nextPoll() : earliest(next, slot.health.nextPoll());
    }
    return next;
  }

  /**
   * A poll that worked: due again one interval from {@code now}, failures reset.
   *
   * @param newItems new or changed items it gave, at least 0
   * @param validators what the fetched body said about itself; null keeps the ones known
   * @throws IllegalArgumentException for a location that is not configured
   */
  public void recordSuccess(String location, Instant now, int newItems, Validators validators) {
    recordSuccess(location, now, newItems, 0, validators);
  }

  /**
   * As {@link #recordSuccess(String, Instant, int, Validators)}, knowing that the document held
   * {@code delivered} items, new or already stored: items seen is then at least that many, so a
   * source whose items were stored before a restart (a kill before the health file was saved) is
   * not shown as having yielded none.
   */
  public synchronized void recordSuccess(
      String location, Instant now, int newItems, int delivered, Validators validators) {
    if (newItems < 0) {
      throw new IllegalArgumentException(
          "newItems of " + location + " must not be negative, got " + newItems);
    }
    Slot slot = slot(location);
    SourceHealth h = slot.health;
    slot.health =
        new SourceHealth(
            location,
            h.name(),
            now,
            h.lastError(),
            Math.max(h.itemsSeen() + newItems, delivered),
            0,
            now.plus(slot.config.interval()),
            validators == null ? h.validators() : validators);
    log.debug("{} - polled: {} new items, next at {}", location, newItems, slot.health.nextPoll());
  }

  /** A poll that found nothing new (a 304, or the same body): a success with no items. */
  public void recordUnchanged(String location, Instant now) {
    recordSuccess(location, now, 0, null);
  }

  /**
   * A poll that failed: due again after backoff.
   *
   * @param reason the stable failure code
   * @param message what happened, one line
   * @param retryAfter what the server asked for ({@code Retry-After}), or null
   * @param retryable whether trying again soon may help (timeouts, 5xx, 429, I/O errors); when not,
   *     the wait is at least one interval
   * @throws IllegalArgumentException for a location that is not configured
   */
  public synchronized void recordFailure(
      String location,
      Instant now,
      String reason,
      String message,
      Duration retryAfter,
      boolean retryable) {
    Slot slot = slot(location);
    SourceHealth h = slot.health;
    int failures = h.consecutiveFailures() + 1;
    Duration wait = Backoff.next(failures, retryAfter, random);
    if (!retryable && wait.compareTo(slot.config.interval()) < 0) {
      wait = slot.config.interval();
    }
    slot.health =
        new SourceHealth(
            location,
            h.name(),
            h.lastSuccess(),
            new SourceHealth.LastError(reason, message, now),
            h.itemsSeen(),
            failures,
            now.plus(wait),
            h.validators());
    log.debug(
        "{} - poll failed ({}), {} in a row, next at {}",
        location,
        reason,
        failures,
        slot.health.nextPoll());
  }

  /**
   * Adds a source while running, due at {@code now}.
   *
   * @return false when the location is already scheduled
   */
  public synchronized boolean add(SourceConfig source, Instant now) {
    return slots.putIfAbsent(source.location(), new Slot(source, SourceHealth.fresh(source, now)))
        == null;
  }

  /**
   * Stops scheduling a source (another process polls it now).
   *
   * @return false when the location was not scheduled
   */
  public synchronized boolean remove(String location) {
    return slots.remove(location) != null;
  }

  /** Whether a location is scheduled. */
  public synchronized boolean contains(String location) {
    return slots.containsKey(location);
  }

  /** The health of one configured source. */
  public synchronized SourceHealth health(String location) {
    return slot(location).health;
  }

  /** The health of every source, in configured order. */
  public synchronized List<SourceHealth> health() {
    List<SourceHealth> out = new ArrayList<>(slots.size());
    for (Slot slot : slots.values()) {
      out.add(slot.health);
    }
    return List.copyOf(out);
  }

  /**
   * Writes every source's health to {@code file}: to a temporary file beside it, forced to disk,
   * then moved over it in one step.
   */
  public void save(Path file) throws IOException {
    byte[] bytes =
        Json.mapper()
            .writerWithDefaultPrettyPrinter()
            .writeValueAsBytes(new State(FORMAT_VERSION, health()));
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (FileChannel out =
          FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private Slot slot(String location) {
    Slot slot = slots.get(location);
    if (slot == null) {
      throw new IllegalArgumentException("not a configured source: " + location);
    }
    return slot;
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
