package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's contract: help everywhere, exit 2 with one line on bad input. */
class CliTest {

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void help_onEveryCommand_exitsZero() {
    for (String cmd :
        new String[] {
          "demo",
          "serve",
          "extract",
          "ingest",
          "classify",
          "train",
          "evaluate",
          "reclassify",
          "run",
          "sources"
        }) {
      Run r = run(cmd, "--help");
      assertThat(r.code()).as(cmd).isZero();
      assertThat(r.out()).as(cmd).startsWith("Usage: themewire " + cmd);
    }
  }

  @Test
  void badArguments_exitTwoWithOneLine() {
    Run unknown = run("extract", "--frobnicate", "x.html");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err().strip().lines()).hasSize(1);

    Run noCommand = run();
    assertThat(noCommand.code()).isEqualTo(2);
    assertThat(noCommand.err()).contains("a command is required");

    Run badPort = run("serve", "--port", "70000");
    assertThat(badPort.code()).isEqualTo(2);
    assertThat(badPort.err().strip())
        .isEqualTo("themewire: --port must be 0..65535, got 70000 (see --help)");
  }

  @Test
  void missingFile_exitsTwoWithOneLine() {
    Run r = run("extract", dir.resolve("nope.html").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("themewire: no such file: " + dir.resolve("nope.html"));
    assertThat(r.out()).isEmpty();
  }

  @Test
  void extractExplain_namesTheWinningCandidateAndWhy() throws Exception {
    Path a = dir.resolve("short.html");
    Files.writeString(
        a,
        "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\","
            + "\"headline\":\"Ferry\",\"articleBody\":\""
            + "The island ferry will run every hour from June, the operator said today. ".repeat(6)
            + "\"}</script></head><body><p>Loading…</p></body></html>");

    Run r = run("extract", "--explain", a.toString());

    assertThat(r.code()).isZero();
    JsonNode line = Json.mapper().readTree(r.out().strip());
    assertThat(line.path("explain").path("winner").asText()).isEqualTo("json-ld-articleBody");
    assertThat(line.path("explain").path("reason").asText()).contains("too short");
    assertThat(line.path("explain").path("candidates").size()).isGreaterThanOrEqualTo(2);
    assertThat(line.path("text").asText()).contains("island ferry");
  }

  @Test
  void extract_printsOneJsonLinePerFileInOrder() throws Exception {
    Path a = dir.resolve("a.html");
    Files.writeString(
        a,
        "<html lang=en><head><title>First | Site</title></head><body><article><p>"
            + "The first article has a paragraph that is long enough to be the main content of the page. "
                .repeat(4)
            + "</p></article></body></html>");
    Path b = dir.resolve("b.html");
    Files.writeString(
        b,
        "<html><body><h1>Second</h1><p>"
            + "Words of the second page, repeated for length. ".repeat(8)
            + "</p></body></html>");

    Run r = run("extract", "--url", "https://site.example/a", a.toString(), b.toString());

    assertThat(r.code()).isZero();
    var lines = r.out().strip().lines().toList();
    assertThat(lines).hasSize(2);
    JsonNode first = Json.mapper().readTree(lines.get(0));
    assertThat(first.path("file").asText()).isEqualTo(a.toString());
    assertThat(first.path("title").asText()).isEqualTo("First");
    assertThat(first.path("language").asText()).isEqualTo("en");
    assertThat(first.path("text").asText()).startsWith("The first article");
    assertThat(Json.mapper().readTree(lines.get(1)).path("title").asText()).isEqualTo("Second");
  }

  @Test
  void ingest_nonFeedFileAndEmptyFile_eachGetOneLineAndExitTwo() throws Exception {
    Path notFeed = dir.resolve("notes.txt");
    Files.writeString(notFeed, "just some notes, not a feed");
    Path empty = dir.resolve("empty.xml");
    Files.writeString(empty, "");
    Path feed = dir.resolve("feed.xml");
    Files.writeString(
        feed,
        "<rss version=\"2.0\"><channel><title>T</title><item><title>Hello</title><link>https://a.example/1</link></item></channel></rss>");

    Run r =
        run(
            "ingest",
            "--once",
            "--data",
            dir.resolve("data").toString(),
            notFeed.toString(),
            empty.toString(),
            feed.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines().toList())
        .containsExactly(
            "themewire: not-a-feed: " + notFeed + " - not a feed, HTML page or known JSON thread",
            "themewire: empty: " + empty + " - the document is empty");
    JsonNode item = Json.mapper().readTree(r.out().strip());
    assertThat(item.path("title").asText()).isEqualTo("Hello");
    assertThat(item.path("url").asText()).isEqualTo("https://a.example/1");
  }

  @Test
  void serve_withoutAnIndex_exitsTwoWithOneLine() {
    Run r = run("serve", "--port", "0", "--data", dir.resolve("empty").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith("themewire: no index in ");
  }

  @Test
  void ingest_withoutOnce_isAUsageError() {
    Run r = run("ingest", "x.xml");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--once");
  }

  @Test
  void ingestConfig_withoutKafka_orWithSources_isAUsageError() {
    Run noKafka = run("ingest", "--config", "run.yaml");
    assertThat(noKafka.code()).isEqualTo(2);
    assertThat(noKafka.err().strip())
        .isEqualTo(
            "themewire: --config needs --kafka (without Kafka, use `themewire run`) (see --help)");

    Run both = run("ingest", "--kafka", "127.0.0.1:9", "--config", "run.yaml", "--once", "x.xml");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err().strip().lines()).hasSize(1);
    assertThat(both.err()).contains("not both");

    Run nothing = run("ingest", "--once");
    assertThat(nothing.code()).isEqualTo(2);
    assertThat(nothing.err()).contains("needs a SOURCE");
  }

  @Test
  void evaluate_missingFile_exitsTwo() {
    Run r = run("evaluate", dir.resolve("gold.jsonl").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("themewire: no such file");
  }

  @Test
  void evaluate_badHalf_exitsTwo() {
    Run r = run("evaluate", "--half", "C");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--half must be A or B");
  }
}
