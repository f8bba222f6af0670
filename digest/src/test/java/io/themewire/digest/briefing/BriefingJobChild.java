package io.themewire.digest.briefing;

import io.themewire.index.lucene.LuceneArticleReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The daily briefing job in a process of its own, for {@link BriefingKillIT}: runs the job due at
 * 2026-11-25 07:00 UTC over the index in {@code args[0]} into the archive {@code args[1]} and
 * prints what it did. With {@code args[2]} = {@code pause} it prints {@code COMMITTING} just before
 * the briefing's commit mark and then waits to be killed.
 */
public final class BriefingJobChild {

  private BriefingJobChild() {}

  public static void main(String[] args) throws Exception {
    boolean pause = args.length > 2 && args[2].equals("pause");
    Runnable beforeCommit =
        () -> {
          if (pause) {
            System.out.println("COMMITTING");
            System.out.flush();
            try {
              Thread.sleep(120_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    try (LuceneArticleReader reader = LuceneArticleReader.open(Path.of(args[0]))) {
      Briefings briefings =
          Briefings.overIndex(
              reader, BriefingFixture.LABELS, new BriefingArchive(Path.of(args[1]), beforeCommit));
      DailyBriefingJob job =
          new DailyBriefingJob(
              briefings,
              new BriefingSchedule(LocalTime.of(7, 0), ZoneId.of("UTC")),
              Clock.fixed(Instant.parse("2026-11-25T07:00:00Z"), ZoneOffset.UTC));
      System.out.println(job.runDue());
    }
  }
}
