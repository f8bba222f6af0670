package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestCommandTest {

  @TempDir Path dir;

  @Test
  void help_exitsZero_andNamesEveryOption() {
    CliTest.Run r = CliTest.run("digest", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("Usage: themewire digest")
        .contains("--date", "--format", "--tz", "--data");
  }

  @Test
  void badArguments_exitTwoWithOneLineNamingTheOption() {
    String data = dir.toString();
    String[][] cases = {
      {"--date", "24.11.2026", "--date"},
      {"--date", "2026-02-30", "--date"},
      {"--tz", "Mars/Olympus", "--tz"},
      {"--format", "pdf", "--format"},
    };
    for (String[] c : cases) {
      String[] args =
          c[0].equals("--date")
              ? new String[] {"digest", "--data", data, "--date", c[1]}
              : new String[] {"digest", "--data", data, "--date", "2026-11-24", c[0], c[1]};
      CliTest.Run r = CliTest.run(args);
      assertThat(r.code()).as(c[1]).isEqualTo(2);
      assertThat(r.err().strip().lines()).as(c[1]).hasSize(1);
      assertThat(r.err()).as(c[1]).startsWith("themewire: " + c[2]);
      assertThat(r.out()).isEmpty();
    }
    CliTest.Run missing = CliTest.run("digest", "--data", data);
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("--date");
  }

  @Test
  void withoutAnIndex_exitsTwoWithOneLine() {
    CliTest.Run r =
        CliTest.run("digest", "--date", "2026-11-24", "--data", dir.resolve("empty").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith("themewire: no index in ");
  }

  @Test
  void yesterday_isADate_forADailyJob() {
    CliTest.Run r =
        CliTest.run("digest", "--date", "yesterday", "--data", dir.resolve("empty").toString());
    assertThat(r.err().strip()).startsWith("themewire: no index in ");
  }
}
