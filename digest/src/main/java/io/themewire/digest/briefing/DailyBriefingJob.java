package io.themewire.digest.briefing;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the daily briefing on its {@link BriefingSchedule}: at start the briefing that is due now
 * (so a job that was killed, or a process that was down at the scheduled time, catches up), then at
 * every scheduled time. Each run delivers the due date's briefing into the archive unless it is
 * there already, so running it again — after a crash, a restart, twice in one day — delivers
 * nothing twice and leaves the same bytes. A failed run is logged and retried at the next scheduled
 * time; the process carries on.
 */
public final class DailyBriefingJob implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DailyBriefingJob.class);

  private final Briefings briefings;
  private final BriefingSchedule schedule;
  private final Clock clock;
  private ScheduledExecutorService timer;

  public DailyBriefingJob(Briefings briefings, BriefingSchedule schedule, Clock clock) {
    this.briefings = Objects.requireNonNull(briefings, "briefings");
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Delivers the briefing due now, if it is not archived yet, and returns what happened. */
  public BriefingArchive.Written runDue() throws IOException {
    LocalDate date = schedule.dueDate(clock.instant());
    BriefingArchive.Written w = briefings.deliver(date, schedule.zone());
    log.info("{} - daily briefing: {}", date, w.name().toLowerCase(java.util.Locale.ROOT));
    return w;
  }

  /** Runs the due briefing now, in the background, and then at every scheduled time. */
  public synchronized DailyBriefingJob start() {
    if (timer != null) {
      throw new IllegalStateException("already started");
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tw-briefing");
              t.setDaemon(true);
              return t;
            });
    timer.execute(this::runAndReschedule);
    return this;
  }

  private void runAndReschedule() {
    try {
      runDue();
    } catch (IOException | RuntimeException e) {
      log.warn("daily briefing failed, retried at the next scheduled time: {}", e.toString());
    }
    Instant now = clock.instant();
    long delay = Duration.between(now, schedule.nextRun(now)).toMillis();
    synchronized (this) {
      if (timer != null && !timer.isShutdown()) {
        timer.schedule(this::runAndReschedule, Math.max(1, delay), TimeUnit.MILLISECONDS);
      }
    }
  }

  /** Stops the schedule, waiting up to 30 s for a run in progress. */
  @Override
  public void close() {
    ScheduledExecutorService t;
    synchronized (this) {
      t = timer;
    }
    if (t == null) {
      return;
    }
    t.shutdownNow();
    try {
      if (!t.awaitTermination(30, TimeUnit.SECONDS)) {
        log.warn("daily briefing - a run did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
