package io.themewire.classify.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyTest {

  @Test
  void defaultCareer_hasTheFiveThemesAndEnoughExamplesOfEach() {
    Taxonomy t = Taxonomy.defaultCareer();

    assertThat(t.themeIds())
        .containsExactly(
            "ic-to-manager", "manager-to-ic", "ic-leadership", "career-framework", "other");
    Map<String, Integer> counts = new TreeMap<>();
    t.examples().forEach(e -> counts.merge(e.label(), 1, Integer::sum));
    assertThat(counts.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(150));
    assertThat(t.theme("manager-to-ic").orElseThrow().transition())
        .isEqualTo(new Theme.Transition("manager", "ic"));
  }

  @Test
  void load_aUserTaxonomyFromAFolder(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("themes.yaml"),
        "id: mini\nversion: 3\nfallback: other\nthemes:\n  - id: remote-work\n  - id: other\n");
    Files.createDirectories(dir.resolve("train"));
    Files.writeString(
        dir.resolve("train/remote-work.jsonl"),
        "{\"id\":\"1\",\"label\":\"remote-work\",\"text\":\"We went fully remote.\"}\n");

    Taxonomy t = Taxonomy.load(dir);

    assertThat(t.versionTag()).isEqualTo("mini-v3");
    assertThat(t.examples()).hasSize(1);
  }

  @Test
  void load_exampleWithUnknownLabel_namesTheExample(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("themes.yaml"), "id: mini\nthemes:\n  - id: other\n");
    Files.createDirectories(dir.resolve("train"));
    Files.writeString(
        dir.resolve("train/other.jsonl"), "{\"id\":\"x7\",\"label\":\"nope\",\"text\":\"t\"}\n");

    assertThatThrownBy(() -> Taxonomy.load(dir))
        .hasMessageContaining("x7")
        .hasMessageContaining("nope");
  }
}
