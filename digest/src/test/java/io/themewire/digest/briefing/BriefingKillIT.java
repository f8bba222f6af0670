package io.themewire.digest.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.core.message.ClassifiedItem;
import io.themewire.index.lucene.LuceneArticleIndex;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily briefing job in a child JVM over a real index, killed by the operating system ({@code
 * destroyForcibly}: no shutdown hook, no finally) halfway through its delivery, then run again.
 */
class BriefingKillIT {

  @TempDir Path tmp;
  private final List<Process> children = new ArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    for (Process p : children) {
      p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  private Process start(Path index, Path archive, boolean pause) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                BriefingJobChild.class.getName(),
                index.toString(),
                archive.toString(),
                pause ? "pause" : "run")
            .redirectErrorStream(true)
            .start();
    children.add(p);
    return p;
  }

  /** Runs the job to its end and returns the last line it printed. */
  private String run(Path index, Path archive) throws Exception {
    Process p = start(index, archive, false);
    List<String> lines = readLines(p, null);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join("\n", lines)).isZero();
    return lines.get(lines.size() - 1);
  }

  private static List<String> readLines(Process p, String until) throws IOException {
    List<String> lines = new ArrayList<>();
    BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = r.readLine()) != null) {
      lines.add(line);
      if (line.equals(until)) {
        break;
      }
    }
    return lines;
  }

  // RELIABILITY row 45
  @Test
  void jobKilledJustBeforeItsCommit_thenRunTwice_leavesOneBriefingWithTheBytesOfACleanRun()
      throws Exception {
    Path index = tmp.resolve("index");
    try (LuceneArticleIndex writer = LuceneArticleIndex.open(index)) {
      for (ClassifiedItem item : BriefingFixture.DAY_24_ITEMS) {
        writer.upsert(item);
      }
      writer.commit();
    }
    Path clean = tmp.resolve("clean");
    assertThat(run(index, clean)).isEqualTo("WRITTEN");

    Path crashed = tmp.resolve("crashed");
    Process dying = start(index, crashed, true);
    assertThat(readLines(dying, "COMMITTING")).last().isEqualTo("COMMITTING");
    dying.destroyForcibly();
    assertThat(dying.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(dying.exitValue()).isNotZero();
    // What the kill left: the Markdown and HTML in place, the JSON (the commit mark) only as a
    // temporary file, so the date does not count as delivered.
    assertThat(names(crashed)).anyMatch(n -> n.endsWith(".part"));
    assertThat(new BriefingArchive(crashed).contains(BriefingFixture.DAY_24.date())).isFalse();

    assertThat(run(index, crashed)).isEqualTo("WRITTEN");
    assertThat(names(crashed))
        .isEqualTo(names(clean))
        .containsExactly("2026-11-24.html", "2026-11-24.json", "2026-11-24.md");
    for (String name : names(clean)) {
      assertThat(Files.readAllBytes(crashed.resolve(name)))
          .as(name)
          .isEqualTo(Files.readAllBytes(clean.resolve(name)));
    }

    Path json = crashed.resolve("2026-11-24.json");
    Files.setLastModifiedTime(json, FileTime.fromMillis(0));
    assertThat(run(index, crashed)).isEqualTo("ALREADY_ARCHIVED"); // at most one delivery
    assertThat(Files.getLastModifiedTime(json)).isEqualTo(FileTime.fromMillis(0));
    assertThat(names(crashed)).isEqualTo(names(clean));
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
