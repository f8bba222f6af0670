package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.ingest.fetch.Validators;
import io.themewire.ingest.schedule.SourceHealth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesCommandTest {

  static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

  @TempDir Path dir;

  @Test
  void table_oneFixedWidthRowPerSource_underAHeader() {
    List<SourceHealth> health =
        List.of(
            new SourceHealth(
                "https://example.org/feed.xml",
                "Example",
                T0,
                null,
                12,
                0,
                T0.plus(Duration.ofMinutes(30)),
                Validators.NONE),
            new SourceHealth(
                "/srv/feeds/missing.xml",
                null,
                null,
                new SourceHealth.LastError("not-found", "no such file", T0),
                0,
                1,
                T0.plus(Duration.ofHours(1)),
                Validators.NONE));

    assertThat(SourcesCommand.table(health).lines())
        .containsExactly(
            "SOURCE                        LAST SUCCESS       LAST ERROR    ITEMS  FAILS  NEXT POLL",
            "https://example.org/feed.xml  2026-11-26 08:00Z  -                12      0  2026-11-26 08:30Z",
            "/srv/feeds/missing.xml        never              not-found         0      1  2026-11-26 09:00Z");
  }

  @Test
  void table_longLocation_keepsItsEnd() {
    String location = "https://example.org/" + "a".repeat(60) + "/feed.xml";
    SourceHealth h = new SourceHealth(location, null, null, null, 0, 0, T0, Validators.NONE);

    String row = SourcesCommand.table(List.of(h)).lines().toList().get(1);

    assertThat(row).startsWith("..." + "a".repeat(48) + "/feed.xml  never");
  }

  @Test
  void sources_withoutAHealthFile_exitsTwoWithOneLine() {
    CliTest.Run r = CliTest.run("sources", "--data", dir.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            "themewire: no source health at "
                + dir.resolve("sources.json")
                + " (run `themewire run --config FILE` first)");
  }

  @Test
  void sources_withABrokenHealthFile_exitsTwoWithOneLine() throws Exception {
    Files.writeString(dir.resolve("sources.json"), "{\"version\": 1, \"sources\": [{]}");

    CliTest.Run r = CliTest.run("sources", "--data", dir.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("is not a source health file");
  }
}
