package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Themes are data: a user's own taxonomy trains, classifies and records its version. */
class UserTaxonomyIT {

  @TempDir Path dir;

  @Test
  void ownTaxonomy_trainsAndLabelsWithItsThemes() throws Exception {
    Path taxonomy = dir.resolve("tax");
    Files.createDirectories(taxonomy.resolve("train"));
    Files.writeString(
        taxonomy.resolve("themes.yaml"),
        "id: workplace\nversion: 2\nfallback: other\nthemes:\n  - id: remote-work\n  - id: office-return\n  - id: other\n");
    write(
        taxonomy,
        "remote-work",
        "Our whole team works remotely from four countries.",
        "I moved to a fully remote job and never looked back.",
        "Remote work lets me skip a two hour commute every day.",
        "We hire anywhere: the company has been remote first since 2020.",
        "Working from home full time made me a calmer engineer.",
        "The distributed team meets in person once a year; the rest is remote.");
    write(
        taxonomy,
        "office-return",
        "Management announced a mandatory return to the office three days a week.",
        "Badge swipes are now tracked and we must be in the office on Tuesdays.",
        "The return-to-office mandate starts in January for every employee.",
        "After years remote, our CEO wants everyone back at their desks.",
        "People are quitting over the new office attendance policy.",
        "Hybrid is over: five days in the office from next quarter.");
    write(
        taxonomy,
        "other",
        "The new database release improves query planning.",
        "We rewrote the build scripts in a weekend.",
        "This recipe needs two cups of flour and an egg.",
        "The football season starts next week.",
        "Our outage was caused by an expired certificate.",
        "A new phone launched with a bigger battery.");
    String data = dir.resolve("data").toString();

    CliTest.Run train = CliTest.run("train", "--taxonomy", taxonomy.toString(), "--data", data);
    assertThat(train.code()).as(train.err()).isZero();
    assertThat(train.out()).contains("taxonomy workplace-v2, 18 examples");

    InputStream stdin = System.in;
    try {
      System.setIn(
          new ByteArrayInputStream(
              "{\"id\":\"x\",\"text\":\"From January everyone must return to the office three days a week.\"}\n"
                  .getBytes(StandardCharsets.UTF_8)));
      CliTest.Run classify =
          CliTest.run("classify", "--taxonomy", taxonomy.toString(), "--data", data);
      assertThat(classify.code()).as(classify.err()).isZero();
      JsonNode line = Json.mapper().readTree(classify.out().strip());
      assertThat(line.path("primary").asText()).isEqualTo("office-return");
      assertThat(line.path("direction").isMissingNode() || line.path("direction").isNull())
          .isTrue();
    } finally {
      System.setIn(stdin);
    }
  }

  private static void write(Path taxonomy, String theme, String... texts) throws Exception {
    StringBuilder out = new StringBuilder();
    int n = 0;
    for (String t : texts) {
      out.append(Json.write(java.util.Map.of("id", theme + "-" + (++n), "label", theme, "text", t)))
          .append('\n');
    }
    Files.writeString(taxonomy.resolve("train").resolve(theme + ".jsonl"), out);
  }
}
