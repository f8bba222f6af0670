package io.themewire.digest.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden files: the fixture's briefing in every format, byte for byte. To accept a deliberate
 * change, run with {@code -Dbriefing.golden.update=true} and review the diff of {@code
 * src/test/resources/briefing/}.
 */
class BriefingFormatsTest {

  private static final Path GOLDEN = Path.of("src/test/resources/briefing");

  @Test
  void markdown_matchesGoldenFile() throws IOException {
    assertGolden("golden-2026-11-24.md", MarkdownRenderer.render(BriefingFixture.today()));
  }

  @Test
  void html_matchesGoldenFile() throws IOException {
    assertGolden("golden-2026-11-24.html", HtmlRenderer.render(BriefingFixture.today()));
  }

  @Test
  void json_matchesGoldenFile() throws IOException {
    assertGolden("golden-2026-11-24.json", JsonRenderer.render(BriefingFixture.today()));
  }

  @Test
  void atom_matchesGoldenFile() throws IOException {
    assertGolden(
        "golden-feed.atom.xml",
        AtomRenderer.render(List.of(BriefingFixture.today(), BriefingFixture.previous())));
  }

  @Test
  void json_readsBackEqual() {
    Briefing b = BriefingFixture.today();
    assertThat(JsonRenderer.parse(JsonRenderer.render(b))).isEqualTo(b);
  }

  @Test
  void everyFormat_sameBriefingTwice_sameBytes() {
    Briefing first = BriefingFixture.today();
    Briefing second = BriefingFixture.today();
    assertThat(MarkdownRenderer.render(second)).isEqualTo(MarkdownRenderer.render(first));
    assertThat(HtmlRenderer.render(second)).isEqualTo(HtmlRenderer.render(first));
    assertThat(JsonRenderer.render(second)).isEqualTo(JsonRenderer.render(first));
  }

  private static void assertGolden(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("briefing.golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(file).as("golden file %s (see the class comment to create it)", file).exists();
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
