package io.themewire.digest.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.core.message.ClassifiedItem;
import io.themewire.digest.DayWindow;
import io.themewire.index.lucene.LuceneArticleIndex;
import io.themewire.index.lucene.LuceneArticleReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The briefing over a real Lucene index on disk: reproducible bytes, day windows, delivery. */
class BriefingsIT {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @TempDir Path tmp;

  private static void index(Path dir, List<ClassifiedItem> items) throws IOException {
    try (LuceneArticleIndex index = LuceneArticleIndex.open(dir)) {
      for (ClassifiedItem item : items) {
        index.upsert(item);
      }
      index.commit();
    }
  }

  private static List<ClassifiedItem> allItems() {
    List<ClassifiedItem> items = new ArrayList<>(BriefingFixture.DAY_24_ITEMS);
    items.add(
        TestItems.at("https://news.ycombinator.com/item?id=51000002")
            .published("2026-11-24T10:20:00Z")
            .comment(BriefingFixture.HN_1_ITEM.id())
            .theme("career-framework", 0.5)
            .sentence("Equal bands on paper are easy; promotion rates are what matter here.", 0.7)
            .build());
    return items;
  }

  private static String render(Path indexDir, Path archiveDir, BriefingFormat f)
      throws IOException {
    try (LuceneArticleReader reader = LuceneArticleReader.open(indexDir)) {
      Briefings briefings =
          new Briefings(
              reader,
              BriefingBuilder.standard(BriefingFixture.LABELS),
              new BriefingArchive(archiveDir));
      return briefings.render(LocalDate.parse("2026-11-24"), ZoneId.of("UTC"), f);
    }
  }

  // RELIABILITY row 45
  @Test
  void digestRunTwice_andOverAnIndexWrittenInAnotherOrder_givesTheSameBytes() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    index(a, allItems());
    List<ClassifiedItem> reversed = new ArrayList<>(allItems());
    java.util.Collections.reverse(reversed);
    index(b, reversed);
    for (BriefingFormat f : BriefingFormat.values()) {
      String first = render(a, tmp.resolve("none"), f);
      String second = render(a, tmp.resolve("none"), f);
      String other = render(b, tmp.resolve("none"), f);
      assertThat(second).as(f.id()).isEqualTo(first);
      assertThat(other).as(f.id()).isEqualTo(first);
    }
  }

  @Test
  void dayItems_leaveOutComments_andBringInTheArticleADiscussionIsAbout() throws IOException {
    Path dir = tmp.resolve("index");
    index(dir, allItems());
    try (LuceneArticleReader reader = LuceneArticleReader.open(dir)) {
      Briefings briefings =
          new Briefings(reader, BriefingBuilder.standard(BriefingFixture.LABELS), null);
      List<String> ids =
          briefings.itemsOf(BriefingFixture.DAY_24).stream().map(i -> i.id().value()).toList();
      assertThat(ids)
          .contains(BriefingFixture.ARTICLE_23_ITEM.id().value()) // published the 23rd
          .contains(BriefingFixture.HN_2_ITEM.id().value())
          .hasSize(BriefingFixture.DAY_24_ITEMS.size()); // and not the comment
    }
  }

  @Test
  void dayWindowsInBerlin_acrossBothDaylightSavingChanges_putEachItemOnItsLocalDay()
      throws IOException {
    // 2026-03-29 has 23 hours in Berlin, 2026-10-25 has 25.
    List<ClassifiedItem> items = new ArrayList<>();
    String[][] cases = {
      {"2026-03-28T23:59:00+01:00", "2026-03-28"},
      {"2026-03-29T00:01:00+01:00", "2026-03-29"},
      {"2026-03-29T23:59:00+02:00", "2026-03-29"},
      {"2026-03-30T00:01:00+02:00", "2026-03-30"},
      {"2026-10-24T23:59:00+02:00", "2026-10-24"},
      {"2026-10-25T00:01:00+02:00", "2026-10-25"},
      {"2026-10-25T02:30:00+01:00", "2026-10-25"}, // the second 02:30 of the day
      {"2026-10-25T23:59:00+01:00", "2026-10-25"},
      {"2026-10-26T00:01:00+01:00", "2026-10-26"},
    };
    for (int i = 0; i < cases.length; i++) {
      items.add(
          TestItems.at("https://dst.example/" + i)
              .title("Item " + i)
              .published(java.time.OffsetDateTime.parse(cases[i][0]).toInstant().toString())
              .theme("ic-leadership", 0.9)
              .sentence("A staff engineer wrote about technical leadership number " + i + ".", 0.5)
              .build());
    }
    Path dir = tmp.resolve("dst");
    index(dir, items);
    try (LuceneArticleReader reader = LuceneArticleReader.open(dir)) {
      Briefings briefings =
          new Briefings(reader, BriefingBuilder.standard(BriefingFixture.LABELS), null);
      for (int i = 0; i < cases.length; i++) {
        DayWindow day = new DayWindow(LocalDate.parse(cases[i][1]), BERLIN);
        String id = items.get(i).id().value();
        assertThat(briefings.itemsOf(day))
            .as("%s on %s", cases[i][0], cases[i][1])
            .extracting(it -> it.id().value())
            .contains(id);
        assertThat(briefings.itemsOf(new DayWindow(day.date().minusDays(1), BERLIN)))
            .extracting(it -> it.id().value())
            .doesNotContain(id);
        assertThat(briefings.itemsOf(new DayWindow(day.date().plusDays(1), BERLIN)))
            .extracting(it -> it.id().value())
            .doesNotContain(id);
      }
      DayWindow autumn = new DayWindow(LocalDate.parse("2026-10-25"), BERLIN);
      assertThat(Duration.between(autumn.start(), autumn.end())).isEqualTo(Duration.ofHours(25));
      assertThat(briefings.briefing(LocalDate.parse("2026-10-25"), BERLIN).zone())
          .isEqualTo("Europe/Berlin");
    }
  }

  // RELIABILITY row 45
  @Test
  void dailyJob_deliversOnce_andTheDeliveredBriefingIsWhatLaterRequestsGet() throws IOException {
    Path dir = tmp.resolve("index");
    index(dir, allItems());
    Path archiveDir = tmp.resolve("briefings");
    BriefingSchedule schedule =
        new BriefingSchedule(java.time.LocalTime.of(7, 0), ZoneId.of("UTC"));
    Clock at = Clock.fixed(Instant.parse("2026-11-25T07:00:00Z"), ZoneOffset.UTC);
    try (LuceneArticleReader reader = LuceneArticleReader.open(dir)) {
      Briefings briefings =
          new Briefings(
              reader,
              BriefingBuilder.standard(BriefingFixture.LABELS),
              new BriefingArchive(archiveDir));
      DailyBriefingJob job = new DailyBriefingJob(briefings, schedule, at);
      assertThat(job.runDue()).isEqualTo(BriefingArchive.Written.WRITTEN);
      assertThat(job.runDue()).isEqualTo(BriefingArchive.Written.ALREADY_ARCHIVED);
      String md = Files.readString(archiveDir.resolve("2026-11-24.md"), StandardCharsets.UTF_8);
      assertThat(
              briefings.render(LocalDate.parse("2026-11-24"), ZoneId.of("UTC"), BriefingFormat.MD))
          .isEqualTo(md);
      assertThat(md).contains("(ladderlines.example, quillmark.example)");
    }
  }
}
