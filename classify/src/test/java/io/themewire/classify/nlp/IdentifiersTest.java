package io.themewire.classify.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

  @Test
  void mask_replacesMachineIdentifiersKeepingLengthAndOffsets() {
    String text =
        "ping amber123456 about 7f3a9c2e1b, v4.5.10-rc1 and (OPS-1234); see"
            + " https://git.example.org/a/b/pull/77 or mail jo.doe@example.com.";

    String masked = Identifiers.mask(text);

    assertThat(masked).hasSameSizeAs(text);
    assertThat(masked)
        .doesNotContain("amber123456", "7f3a9c2e1b", "v4.5.10", "OPS-1234", "https", "jo.doe")
        .startsWith("ping ID          about ID        , ID          and (ID      ); see ID");
    assertThat(masked.indexOf("about")).isEqualTo(text.indexOf("about"));
    assertThat(masked).endsWith(".");
  }

  @Test
  void mask_leavesWordsNumbersYearsAndLevelCodesAlone() {
    String text =
        "In 2019 I went from L5 to IC4, then SDE2 at 10,000 people; 3 yrs later I'm an EM. CI/CD too.";

    assertThat(Identifiers.mask(text)).isSameAs(text);
  }

  @Test
  void annotate_tokensOfAnIdentifierReadAsThePlaceholderWithOriginalOffsets() {
    CoreNlpAnnotator annotator = new CoreNlpAnnotator();
    String text = "I merged 9f86d081884c into main after ticket JIRA-4821.";

    Sentence s = annotator.annotate(text).get(0);

    assertThat(s.text()).isEqualTo(text);
    Token id = s.tokens().get(2);
    assertThat(id.word()).isEqualTo(Identifiers.PLACEHOLDER);
    assertThat(text.substring(id.begin(), id.begin() + 12)).isEqualTo("9f86d081884c");
  }
}
