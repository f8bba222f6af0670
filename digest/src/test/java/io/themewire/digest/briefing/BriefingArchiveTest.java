package io.themewire.digest.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RELIABILITY 45: a delivery killed halfway and rerun leaves one briefing, the same bytes. */
class BriefingArchiveTest {

  @TempDir Path tmp;

  // RELIABILITY row 45
  @Test
  void writeKilledBeforeItsCommit_thenRerun_leavesOneBriefingWithTheBytesOfACleanRun()
      throws IOException {
    Briefing b = BriefingFixture.today();
    Path clean = tmp.resolve("clean");
    new BriefingArchive(clean).write(b);

    Path crashed = tmp.resolve("crashed");
    BriefingArchive dying =
        new BriefingArchive(
            crashed,
            () -> {
              throw new IllegalStateException("killed");
            });
    assertThatThrownBy(() -> dying.write(b)).hasMessage("killed");
    assertThat(new BriefingArchive(crashed).contains(b.date())).isFalse();
    assertThat(names(crashed)).anyMatch(n -> n.endsWith(".part")); // what a kill leaves

    assertThat(new BriefingArchive(crashed).write(b)).isEqualTo(BriefingArchive.Written.WRITTEN);

    assertThat(names(crashed)).isEqualTo(names(clean));
    for (String name : names(clean)) {
      assertThat(Files.readAllBytes(crashed.resolve(name)))
          .as(name)
          .isEqualTo(Files.readAllBytes(clean.resolve(name)));
    }
  }

  // RELIABILITY row 45
  @Test
  void secondWriteOfADate_deliversNothing() throws IOException {
    BriefingArchive archive = new BriefingArchive(tmp);
    Briefing b = BriefingFixture.today();
    archive.write(b);
    Path json = tmp.resolve("2026-11-24.json");
    Files.setLastModifiedTime(json, FileTime.fromMillis(0));

    assertThat(archive.write(b)).isEqualTo(BriefingArchive.Written.ALREADY_ARCHIVED);
    assertThat(Files.getLastModifiedTime(json)).isEqualTo(FileTime.fromMillis(0));
    assertThat(names(tmp)).containsExactly("2026-11-24.html", "2026-11-24.json", "2026-11-24.md");
  }

  @Test
  void archivedBriefing_readsBackEqual_andIsFoundAsTheLatestBeforeALaterDate() {
    BriefingArchive archive = new BriefingArchive(tmp);
    archive.write(BriefingFixture.previous());
    archive.write(BriefingFixture.today());

    assertThat(archive.read(LocalDate.parse("2026-11-24"))).contains(BriefingFixture.today());
    assertThat(archive.latestBefore(LocalDate.parse("2026-11-24")))
        .contains(BriefingFixture.previous());
    assertThat(archive.latestBefore(LocalDate.parse("2026-11-23"))).isEmpty();
    assertThat(archive.recent(LocalDate.parse("2026-11-30"), 30))
        .extracting(Briefing::date)
        .containsExactly(LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-23"));
  }

  @Test
  void unreadableArchivedFile_isSkipped_notFatal() throws IOException {
    BriefingArchive archive = new BriefingArchive(tmp);
    archive.write(BriefingFixture.previous());
    Files.writeString(tmp.resolve("2026-11-22.json"), "{not json");
    Files.writeString(tmp.resolve("notes.json"), "{}");

    assertThat(archive.read(LocalDate.parse("2026-11-22"))).isEmpty();
    assertThat(archive.latestBefore(LocalDate.parse("2026-11-30")))
        .contains(BriefingFixture.previous());
    assertThat(archive.recent(LocalDate.parse("2026-11-30"), 30)).hasSize(1);
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
