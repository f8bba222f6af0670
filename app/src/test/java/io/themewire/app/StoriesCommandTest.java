package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoriesCommandTest {

  @TempDir Path dir;

  private static final String QUAKES =
      """
      {"id":"b","title":"Japan quake: tsunami advisory for Kushiro","text":"A magnitude 6.8 earthquake struck off Hokkaido in Japan. The Japan Meteorological Agency issued a tsunami advisory for Kushiro.","published":"2026-11-10T10:00:00Z","source":"asia.example"}
      {"id":"a","title":"Earthquake in Malatya, eastern Turkey","text":"A magnitude 6.1 earthquake struck near Malatya in eastern Turkey, killing four people, officials in Ankara said.","published":"2026-11-10T08:00:00Z","source":"wire.example"}
      {"id":"c","title":"Malatya quake kills four","text":"Rescuers in Malatya searched collapsed buildings after the magnitude 6.1 quake; the agency in Ankara said four people died in eastern Turkey.","published":"2026-11-10T09:00:00Z","url":"https://daily.example/malatya"}
      """;

  @Test
  void stories_printsOneLinePerItemInInputOrder_withStoryRoleAndReason() throws Exception {
    Path in = dir.resolve("items.jsonl");
    Files.writeString(in, QUAKES);

    CliTest.Run r = CliTest.run("stories", in.toString());

    assertThat(r.code()).as(r.err()).isZero();
    List<JsonNode> rows = r.out().lines().map(l -> uncheckedRead(l)).toList();
    assertThat(rows).extracting(n -> n.path("id").asText()).containsExactly("b", "a", "c");
    assertThat(rows.get(1).path("story").asText()).isEqualTo(rows.get(2).path("story").asText());
    assertThat(rows.get(0).path("story").asText()).isNotEqualTo(rows.get(1).path("story").asText());
    assertThat(rows)
        .allSatisfy(
            n -> {
              assertThat(n.path("role").asText()).isEqualTo("source");
              assertThat(n.path("headline").asText()).isNotBlank();
              assertThat(n.path("reason").asText()).isNotBlank();
            });
  }

  @Test
  void malformedLine_isReportedOnOneLine_theRestIsClustered_exitTwo() throws Exception {
    Path in = dir.resolve("items.jsonl");
    Files.writeString(
        in, QUAKES + "{not json\n{\"id\":\"z\",\"published\":\"yesterday\",\"text\":\"x\"}\n");

    CliTest.Run r = CliTest.run("stories", in.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines())
        .containsExactly(
            "themewire: line 4: not JSON",
            "themewire: line 5: item z: published 'yesterday' is not an ISO date or time");
    assertThat(r.out().lines()).hasSize(3);
  }

  @Test
  void score_printsPairwiseAndBcubed() throws Exception {
    Path in = dir.resolve("items.jsonl");
    Files.writeString(in, QUAKES);
    Path labels = dir.resolve("labels.tsv");
    Files.writeString(labels, "id\tstory\na\tturkey\nc\tturkey\nb\tjapan\n");

    CliTest.Run r = CliTest.run("stories", "--score", labels.toString(), in.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("3 items, 3 labelled, 2 stories (2 labelled groups)")
        .contains("pairwise  P 1.000  R 1.000  F1 1.000")
        .contains("B-cubed   P 1.000  R 1.000  F1 1.000");
  }

  @Test
  void help_andMissingFile() {
    assertThat(CliTest.run("stories", "--help").out()).startsWith("Usage: themewire stories");
    CliTest.Run r = CliTest.run("stories", dir.resolve("nope.jsonl").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("themewire: no such file: " + dir.resolve("nope.jsonl"));
  }

  private static JsonNode uncheckedRead(String line) {
    try {
      return Json.mapper().readTree(line);
    } catch (Exception e) {
      throw new AssertionError(line, e);
    }
  }
}
